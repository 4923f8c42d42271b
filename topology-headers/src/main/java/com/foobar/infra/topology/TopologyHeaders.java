package com.foobar.infra.topology;

import java.util.List;

/**
 * The names of the response headers that reveal the internal topology.
 *
 * <p>Every tier writes or hides these same names, so they live in one place.
 */
public final class TopologyHeaders {

    /** The nodes that served a request, front to back: {@code gateway-1, web-2, app-2}. */
    public static final String SERVED_BY = "X-Served-By";

    /** The database node that served the request's reads or writes: {@code db-replica-1}. */
    public static final String DB_NODE = "X-DB-Node";

    /** Every header that {@link TopologyProperties#headersEnabled() headers-enabled: false} removes. */
    public static final List<String> ALL = List.of(SERVED_BY, DB_NODE);

    private TopologyHeaders() {
    }

    /**
     * Returns the {@link #SERVED_BY} value of a node placed in front of the nodes that already served the request.
     *
     * @param nodeName this node's name
     * @param downstream the values the response carried when it reached this node, possibly empty
     * @return {@code nodeName} alone, or {@code nodeName} followed by the downstream values, comma separated
     */
    public static String servedBy(String nodeName, List<String> downstream) {
        if (downstream.isEmpty()) {
            return nodeName;
        }
        return nodeName + ", " + String.join(", ", downstream);
    }
}
