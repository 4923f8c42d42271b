package com.foobar.infra.launcher.state;

import java.util.Map;

/**
 * A started node as the state file keeps it. The process start time, read back from the operating system,
 * tells our process from an unrelated one that was given the same pid after ours ended.
 */
public record NodeRecord(String name, String role, long pid, long startedAtMillis, Map<String, Integer> ports,
        String log) {

}
