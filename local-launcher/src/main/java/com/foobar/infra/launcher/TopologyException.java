package com.foobar.infra.launcher;

/** A problem the user can act on; its message is printed as it is, without a stack trace. */
public class TopologyException extends RuntimeException {

    public TopologyException(String message) {
        super(message);
    }

}
