package com.foobar.infra.launcher;

import java.nio.file.Path;
import java.util.List;

/**
 * The command line of a service node: the launcher's own Java runtime, options sized so that seven JVMs and
 * three databases fit one small machine, and the service's executable jar.
 */
final class ServiceCommand {

    private ServiceCommand() {
    }

    static List<String> of(String nodeName, Path jar) {
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        // -Dfoobar.node names the process in ps and jcmd; the node reads its name from the environment.
        return List.of(java.toString(), "-Dfoobar.node=" + nodeName, "-XX:+UseSerialGC", "-Xms32m", "-Xmx256m",
                "-XX:+ExitOnOutOfMemoryError", "-jar", jar.toString());
    }

}
