package com.foobar.infra.web.infra;

import java.net.URI;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * The infrastructure view's settings, bound from {@code foobar.infra.*}.
 *
 * <p>The view exists only while {@code enabled} and with at least one node: the launcher gives each web node the
 * topology's nodes ({@code FOOBAR_INFRA_NODES_<i>_NAME}, {@code _ROLE}, {@code _MANAGEMENT}); the production
 * profile turns it off, since the topology is internal information.
 *
 * @param enabled whether {@code /infra} and {@code /infra/topology} may answer at all
 * @param pollInterval how often every node is polled while someone watches
 * @param idleStop how long polling goes on after the last request for the view
 * @param timeout how long one node may take to answer one request before it counts as down
 * @param rateWindow the window requests per second are counted over
 * @param latencyWindow the window the p99 latency is computed over
 * @param nodes the topology's nodes, in the order the view lists them
 */
@Validated
@ConfigurationProperties("foobar.infra")
public record InfraProperties(@DefaultValue("true") boolean enabled, @DefaultValue("1s") @NotNull Duration pollInterval,
        @DefaultValue("15s") @NotNull Duration idleStop, @DefaultValue("800ms") @NotNull Duration timeout,
        @DefaultValue("3s") @NotNull Duration rateWindow, @DefaultValue("10s") @NotNull Duration latencyWindow,
        @DefaultValue List<@Valid Node> nodes) {

    @AssertTrue(message = "node names must be unique")
    public boolean isEachNameOnce() {
        return new HashSet<>(this.nodes.stream().map(Node::name).toList()).size() == this.nodes.size();
    }

    @AssertTrue(message = "durations must be positive, and the windows longer than the poll interval")
    public boolean isTimingSound() {
        return this.pollInterval.isPositive() && this.idleStop.isPositive() && this.timeout.isPositive()
                && this.rateWindow.compareTo(this.pollInterval) > 0
                && this.latencyWindow.compareTo(this.pollInterval) > 0;
    }

    /**
     * One node of the topology.
     *
     * @param name its name, as {@code ./foobar status} shows it ({@code app-2})
     * @param role its part in the topology
     * @param management the base URL of its management server (gateways, web and application servers); none for
     *     a database, which the view sees through the application servers
     */
    public record Node(@NotBlank String name, @NotNull Role role, @Nullable URI management) {

        @AssertTrue(message = "a gateway, web or app node needs its management URL")
        public boolean isManagementGivenForService() {
            return this.role == null || this.role.isDatabase() || this.management != null;
        }

    }

    /** The part a node plays, named as in {@code ./foobar status --json}. */
    public enum Role {

        GATEWAY("gateway"), WEB("web"), APP("app"), DB_PRIMARY("db-primary"), DB_REPLICA("db-replica");

        private final String jsonName;

        Role(String jsonName) {
            this.jsonName = jsonName;
        }

        public String jsonName() {
            return this.jsonName;
        }

        public boolean isDatabase() {
            return this == DB_PRIMARY || this == DB_REPLICA;
        }

    }

}
