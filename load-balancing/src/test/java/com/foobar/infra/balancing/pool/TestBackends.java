package com.foobar.infra.balancing.pool;

import java.net.URI;
import java.util.List;
import java.util.stream.IntStream;

import com.foobar.infra.balancing.pool.BackendGroupProperties.Server;

/**
 * Backends for unit tests of the algorithms and the pool: {@code web-1} at port 8101 and on.
 */
public final class TestBackends {

    private TestBackends() {
    }

    public static Backend backend(String name, int weight) {
        return new Backend(server(name, weight));
    }

    public static List<Backend> backends(int... weights) {
        return IntStream.range(0, weights.length).mapToObj((i) -> backend("web-" + (i + 1), weights[i])).toList();
    }

    static Server server(String name, int weight) {
        int port = 8100 + Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
        return new Server(name, URI.create("http://127.0.0.1:" + port), weight, null, false);
    }
}
