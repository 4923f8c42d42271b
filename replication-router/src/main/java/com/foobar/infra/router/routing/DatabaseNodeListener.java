package com.foobar.infra.router.routing;

/**
 * Callback told which database node served a connection.
 *
 * <p>Invoked on the thread that asked for the connection, once per physical connection taken from a node's pool,
 * so a listener can attribute the work of the current request to a node. Implementations must be fast and must
 * not throw.
 */
@FunctionalInterface
public interface DatabaseNodeListener {

    /**
     * Called after a connection has been obtained from the named node.
     * @param nodeName the node's name, for example {@code db-primary} or {@code db-replica-1}
     */
    void connectionObtained(String nodeName);
}
