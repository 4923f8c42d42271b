package com.foobar.infra.launcher.topology;

/** The part a node plays, named as in {@code ./foobar status --json}. */
public enum NodeRole {

    GATEWAY("gateway"), WEB("web"), APP("app"), DB_PRIMARY("db-primary"), DB_REPLICA("db-replica");

    private final String jsonName;

    NodeRole(String jsonName) {
        this.jsonName = jsonName;
    }

    public String jsonName() {
        return this.jsonName;
    }

    public boolean isDatabase() {
        return this == DB_PRIMARY || this == DB_REPLICA;
    }

}
