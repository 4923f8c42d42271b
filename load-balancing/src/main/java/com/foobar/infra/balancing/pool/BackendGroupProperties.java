package com.foobar.infra.balancing.pool;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.foobar.infra.balancing.balancer.BalancingAlgorithm;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.PositiveOrZero;
import org.hibernate.validator.constraints.time.DurationMin;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * One backend group, bound from {@code foobar.balancing.groups.<name>} (the group a route's {@code lb://<name>} URI
 * names): HAProxy's {@code backend} section.
 *
 * @param algorithm how a backend is chosen for each request
 * @param stickyCookie the cookie that pins a client to the backend that served it first (HAProxy's
 *     {@code cookie ... insert}), {@code null} for none
 * @param healthCheck active health checks of each backend's {@code health-uri}
 * @param ejection passive health: errors that take a backend out of rotation for a while
 * @param retries how many other backends a request may be sent to after a connection failure (HAProxy's
 *     {@code retries} with {@code option redispatch})
 * @param preferred the one backend that takes every request while it is in rotation, the others being its backups
 *     (a web server's own application server); {@code null} or empty when every backend that is not marked
 *     {@link Server#backup() backup} shares the requests
 * @param backends the servers of the group, at least one
 */
public record BackendGroupProperties(@DefaultValue("round-robin") BalancingAlgorithm algorithm,
        @Nullable @Pattern(regexp = "[A-Za-z0-9_-]+") String stickyCookie, @DefaultValue @Valid HealthCheck healthCheck,
        @DefaultValue @Valid Ejection ejection, @DefaultValue("2") @PositiveOrZero @Max(10) int retries,
        @Nullable String preferred, @NotEmpty List<@Valid Server> backends) {

    public BackendGroupProperties {
        Set<String> names = new LinkedHashSet<>();
        for (Server server : (backends != null) ? backends : List.<Server>of()) {
            if (server.name() != null && !names.add(server.name())) {
                throw new IllegalArgumentException(
                        "backends[].name must be unique in a group; " + server.name() + " is listed twice");
            }
        }
        if (preferred != null && !preferred.isBlank() && !names.contains(preferred)) {
            throw new IllegalArgumentException(
                    "preferred must name a backend of the group; " + preferred + " is none of " + names);
        }
    }

    /**
     * This group with a preferred backend: the given one when the group lists it and prefers none of its own.
     *
     * @param node the backend the node prefers
     * @return this group, or a copy that prefers {@code node}
     */
    public BackendGroupProperties preferring(String node) {
        boolean listed = this.backends.stream().anyMatch((server) -> server.name().equals(node));
        if (!listed || (this.preferred != null && !this.preferred.isBlank())) {
            return this;
        }
        return new BackendGroupProperties(this.algorithm, this.stickyCookie, this.healthCheck, this.ejection,
                this.retries, node, this.backends);
    }

    /**
     * Whether a server only takes requests while no primary server of the group is in rotation: it is marked
     * {@code backup}, or the group prefers another server.
     */
    public boolean isBackup(Server server) {
        return server.backup() || (this.preferred != null && !this.preferred.isBlank()
                && !this.preferred.equals(server.name()));
    }

    /**
     * One server of a group.
     *
     * @param name its node name, unique in the group, for example {@code web-1}
     * @param uri its base URI, for example {@code https://127.0.0.1:8101}
     * @param weight its share of requests under weighted algorithms, 1 to 256
     * @param healthUri the readiness endpoint the active checks call; {@code null} turns them off for this server
     * @param backup whether the server takes requests only while no other server of the group is in rotation
     *     (nginx's and HAProxy's {@code backup})
     */
    public record Server(@NotBlank String name, @NotNull URI uri, @DefaultValue("1") @Positive @Max(256) int weight,
            @Nullable URI healthUri, @DefaultValue("false") boolean backup) {
    }

    /**
     * Active checks, as HAProxy's {@code inter}, {@code timeout check}, {@code rise} and {@code fall}.
     *
     * @param interval time between two checks of one server
     * @param timeout how long a check may take before it counts as failed
     * @param rise consecutive successful checks that bring a server that is down back into rotation
     * @param fall consecutive failed checks that take a server out of rotation
     */
    public record HealthCheck(@DefaultValue("1s") @DurationMin(millis = 10) Duration interval,
            @DefaultValue("1s") @DurationMin(millis = 10) Duration timeout,
            @DefaultValue("2") @Positive int rise, @DefaultValue("3") @Positive int fall) {
    }

    /**
     * Passive ejection, as HAProxy's {@code observe layer7} with {@code error-limit} and {@code on-error}, bounded
     * as Envoy's outlier detection is, so that errors (a client's crafted requests among them) can never empty a
     * group.
     *
     * @param consecutiveErrors connection failures, timeouts or {@code 5xx} responses in a row that eject a
     *     server, {@code 0} to never eject
     * @param coolDown how long an ejected server stays out before it gets traffic again
     * @param maxEjectedPercent the largest share of the group's servers that may be ejected at once (Envoy's
     *     {@code max_ejection_percent}); one server may always be ejected, whatever the share
     * @param panicThreshold below this share of the group's servers in rotation, ejected servers take requests
     *     again (Envoy's {@code healthy_panic_threshold}): ejection is a guess from passive signals, and balancing
     *     over them beats sending everything to the few left; {@code 0} to never panic. Servers that active checks
     *     found down or that an operator drained stay out even then.
     */
    public record Ejection(@DefaultValue("3") @PositiveOrZero int consecutiveErrors,
            @DefaultValue("10s") @DurationMin(millis = 0) Duration coolDown,
            @DefaultValue("50") @Min(1) @Max(100) int maxEjectedPercent,
            @DefaultValue("50") @Min(0) @Max(100) int panicThreshold) {

        /** How many of a group of {@code size} servers may be ejected at once: at least one. */
        int maxEjected(int size) {
            return Math.max(1, size * this.maxEjectedPercent / 100);
        }

        /** Whether {@code available} servers in rotation out of {@code size} is below the panic threshold. */
        boolean panics(int available, int size) {
            return available * 100 < this.panicThreshold * size;
        }
    }
}
