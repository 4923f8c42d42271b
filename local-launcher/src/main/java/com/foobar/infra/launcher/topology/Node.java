package com.foobar.infra.launcher.topology;

import java.util.Map;

/**
 * One node of the topology: a name such as {@code web-2}, its role, its instance number within the role and
 * the loopback ports it listens on, by purpose ({@code https}, {@code http}, {@code management}, {@code mysql}).
 */
public record Node(String name, NodeRole role, int index, Map<String, Integer> ports) {

    public int port(String purpose) {
        Integer port = this.ports.get(purpose);
        if (port == null) {
            throw new IllegalArgumentException(this.name + " has no " + purpose + " port");
        }
        return port;
    }

}
