package com.foobar.infra.balancing.endpoint;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.foobar.infra.balancing.pool.Backend;
import com.foobar.infra.balancing.pool.BackendGroup;
import com.foobar.infra.balancing.pool.BackendGroupRegistry;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.actuate.endpoint.Access;
import org.springframework.boot.actuate.endpoint.InvalidEndpointRequestException;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;
import org.springframework.boot.actuate.endpoint.annotation.WriteOperation;
import org.springframework.boot.actuate.endpoint.web.WebEndpointResponse;

/**
 * The {@code backends} actuator endpoint, on the management port only: every group's backends with their state,
 * weight, requests in flight, totals and rate (what HAProxy's stats socket shows), and a way to drain a backend and
 * bring it back (HAProxy's {@code set server <group>/<backend> state drain|ready}).
 *
 * <p>Reading is open to whoever reaches the management port; draining is off unless
 * {@code management.endpoint.backends.access=unrestricted} (the launcher's loopback nodes), because in containers the
 * management port is reachable from the whole internal network.
 */
@Endpoint(id = "backends", defaultAccess = Access.READ_ONLY)
public class BackendsEndpoint {

    private final BackendGroupRegistry registry;

    public BackendsEndpoint(BackendGroupRegistry registry) {
        this.registry = registry;
    }

    @ReadOperation
    public Map<String, List<BackendStats>> backends() {
        Map<String, List<BackendStats>> groups = new LinkedHashMap<>();
        for (BackendGroup group : this.registry.groups()) {
            groups.put(group.name(), group.backends().stream().map((backend) -> BackendStats.of(group, backend)).toList());
        }
        return groups;
    }

    /**
     * Drains a backend (no new requests, those in flight finish) or puts it back in rotation.
     *
     * @param group the group's name
     * @param backend the backend's name
     * @param state {@code drain} or {@code ready}
     * @return the backend's stats after the change, or {@code 404} when there is no such backend
     */
    @WriteOperation
    public WebEndpointResponse<BackendStats> setState(@Selector String group, @Selector String backend,
            String state) {
        if (!state.equals("drain") && !state.equals("ready")) {
            throw new InvalidEndpointRequestException("state must be drain or ready, got " + state,
                    "state must be drain or ready");
        }
        BackendGroup found = this.registry.group(group);
        if (found != null) {
            for (Backend candidate : found.backends()) {
                if (candidate.name().equals(backend)) {
                    candidate.drain(state.equals("drain"));
                    return new WebEndpointResponse<>(BackendStats.of(found, candidate));
                }
            }
        }
        return new WebEndpointResponse<>(WebEndpointResponse.STATUS_NOT_FOUND);
    }

    /**
     * One backend as the stats show it.
     *
     * @param name its node name
     * @param uri where requests go
     * @param state {@code UP}, {@code DOWN} (failed its health checks), {@code EJECTED} (too many errors, cooling
     *     down) or {@code DRAIN}
     * @param weight its weight
     * @param backup whether it takes requests only while no primary backend of its group is in rotation
     * @param inFlight requests sent and not answered yet
     * @param requests requests sent since this node started
     * @param errors failed requests since this node started
     * @param requestsPerSecond the recent request rate
     * @param lastCheckFailure why the last failed health check failed, while it is not up
     */
    public record BackendStats(String name, String uri, String state, int weight, boolean backup, int inFlight,
            long requests, long errors, double requestsPerSecond, @Nullable String lastCheckFailure) {

        static BackendStats of(BackendGroup group, Backend backend) {
            return new BackendStats(backend.name(), backend.uri().toString(), backend.state(), backend.weight(),
                    group.isBackup(backend), backend.inFlight(), backend.requests(), backend.errors(),
                    Math.round(backend.requestsPerSecond() * 10) / 10.0,
                    backend.isCheckedUp() ? null : backend.lastCheckFailure());
        }
    }
}
