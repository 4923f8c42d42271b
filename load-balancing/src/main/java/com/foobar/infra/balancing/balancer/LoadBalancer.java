package com.foobar.infra.balancing.balancer;

import java.util.List;

import com.foobar.infra.balancing.pool.Backend;

/**
 * Chooses the backend for one request among those that may take it.
 *
 * <p>Implementations are thread-safe and never wait on I/O (at most a short lock): they run on the event
 * loop for every request.
 */
public interface LoadBalancer {

    /**
     * Chooses a backend.
     *
     * @param candidates the backends in rotation that this request has not tried yet, never empty, in the group's
     *     configuration order
     * @param clientAddress the client's IP address, for algorithms that keep a client on one backend
     * @return one of the candidates
     */
    Backend choose(List<Backend> candidates, String clientAddress);
}
