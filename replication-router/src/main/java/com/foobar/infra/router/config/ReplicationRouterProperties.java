package com.foobar.infra.router.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import com.foobar.infra.router.routing.NoReplicaPolicy;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

/**
 * Configuration properties of the replication router, under {@code foobar.datasource}.
 *
 * <p>Validated at start-up: a missing primary URL, or a replica without a name or URL, fails start-up with the
 * property's name. Environment variables bind by relaxed binding ({@code FOOBAR_DATASOURCE_PRIMARY_URL},
 * {@code FOOBAR_DATASOURCE_REPLICAS_0_NAME}, ...); a replica list from one source replaces the whole list of a
 * lower one, so each replica needs both its name and its URL there.
 *
 * @param username the user of every node
 * @param password the password of every node, none when absent
 * @param primary the node that takes writes
 * @param replicas the nodes that serve read-only transactions; may be empty
 * @param pool the connection pool settings of every node
 * @param connectionProperties JDBC driver properties for every node's connections, on top of its URL's parameters
 * @param health how replicas are checked and when they leave and rejoin the read rotation
 * @param whenNoReplica what read-only transactions do when no replica is eligible
 * @param retryReadOnly whether a read-only transaction whose replica fails at the connection level runs once more
 * on another node
 * @param readYourWrites how a client's reads are kept from being older than its own writes
 */
@ConfigurationProperties("foobar.datasource")
@Validated
public record ReplicationRouterProperties(
        @NotBlank String username,
        @Nullable String password,
        @Valid @DefaultValue Node primary,
        @Valid @DefaultValue List<Node> replicas,
        @Valid @DefaultValue Pool pool,
        @DefaultValue Map<String, String> connectionProperties,
        @Valid @DefaultValue Health health,
        @DefaultValue("primary") @NotNull NoReplicaPolicy whenNoReplica,
        @DefaultValue("true") boolean retryReadOnly,
        @Valid @DefaultValue ReadYourWrites readYourWrites) {

    /** Everything but the password, so that properties that reach a log leak no secret. */
    @Override
    public String toString() {
        return "ReplicationRouterProperties[username=" + this.username + ", password=" + (this.password != null
                ? "(hidden)" : "none") + ", primary=" + this.primary + ", replicas=" + this.replicas + ", pool="
                + this.pool + ", health=" + this.health + ", whenNoReplica=" + this.whenNoReplica + "]";
    }

    /**
     * One database node.
     * @param name the node's name, also its pool's name, for example {@code db-replica-1}
     * @param url the node's JDBC URL
     * @param weight a replica's share of the reads relative to the other replicas (ignored for the primary)
     */
    public record Node(@NotBlank String name, @NotBlank String url, @DefaultValue("1") @Min(1) int weight) {
    }

    /**
     * Read-your-writes.
     * @param enabled whether writes are tracked and reads wait for them
     * @param timeout the longest a read waits for a replica to apply the client's last write before it reads on
     * the primary instead
     * @param cookieName the cookie that carries the position of the client's last write
     * @param cookieMaxAge how long that cookie lives
     * @param key the secret that signs the cookie, the same on every application server (at least 16
     * characters); without it, a key derived from the database account, which the servers share anyway
     */
    public record ReadYourWrites(
            @DefaultValue("true") boolean enabled,
            @DefaultValue("500ms") @NotNull Duration timeout,
            @DefaultValue("foobar-gtid") @NotBlank String cookieName,
            @DefaultValue("10s") @NotNull Duration cookieMaxAge,
            @Nullable @Size(min = 16) String key) {

        @Override
        public String toString() {
            return "ReadYourWrites[enabled=" + this.enabled + ", timeout=" + this.timeout + ", cookieName="
                    + this.cookieName + ", cookieMaxAge=" + this.cookieMaxAge + ", key="
                    + (this.key != null ? "(hidden)" : "none") + "]";
        }

    }

    /**
     * Replica checks, in HAProxy's terms.
     * @param interval time between two checks of one replica
     * @param timeout the longest a check may take to connect or to get its answer
     * @param maxLag the most lag a replica may report and stay in the read rotation
     * @param fall failed checks in a row that take a replica out
     * @param rise good checks in a row that put it back
     */
    public record Health(
            @DefaultValue("1s") @NotNull Duration interval,
            @DefaultValue("1s") @NotNull Duration timeout,
            @DefaultValue("1s") @NotNull Duration maxLag,
            @DefaultValue("3") @Min(1) int fall,
            @DefaultValue("2") @Min(1) int rise) {
    }

    /**
     * Connection pool settings, the same for every node.
     * @param maximumPoolSize the most connections one node's pool holds
     * @param connectionTimeout how long a caller waits for a primary connection before failing
     * @param replicaConnectionTimeout how long a caller waits for a replica connection before the router takes
     * that replica out and asks the next one; short, because another node can always serve the read
     */
    public record Pool(
            @DefaultValue("10") @Min(1) int maximumPoolSize,
            @DefaultValue("5s") @NotNull Duration connectionTimeout,
            @DefaultValue("1s") @NotNull Duration replicaConnectionTimeout) {
    }
}
