package com.foobar.infra.deploy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The local launcher's default topology ({@code TopologyPlan.seedsDefault()}): node names, roles, ports and the
 * variables each node is started with, the reference the container deployments are checked against.
 *
 * <p>Read by reflection from {@code local-launcher/target/classes} ({@link ProjectClasses}): the launcher is a Spring
 * Boot executable jar, whose classes a Maven dependency cannot reach.
 */
final class LauncherTopology {

    private static final String TOPOLOGY = "com.foobar.infra.launcher.topology.";

    /** The topology's folder given to {@code NodeEnvironment}, so certificate paths in its variables start here. */
    static final Path HOME = Path.of("/foobar-home");

    private LauncherTopology() {
    }

    /** One node of the plan: {@code role} as in {@code ./foobar status --json}, ports by purpose. */
    record PlannedNode(String name, String role, Map<String, Integer> ports) {
    }

    static List<PlannedNode> nodes() {
        List<?> nodes = (List<?>) ProjectClasses.call(plan(), "nodes");
        return nodes.stream().map(LauncherTopology::plannedNode).toList();
    }

    /**
     * The variables the launcher starts a service node with ({@code NodeEnvironment}), with placeholder credentials
     * and the topology's folder at {@link #HOME} (nothing is read or written there).
     */
    @SuppressWarnings("unchecked")
    static Map<String, String> environment(String nodeName) {
        try {
            Object plan = plan();
            Class<?> credentialsType = ProjectClasses.load("com.foobar.infra.mariadb.DatabaseCredentials");
            Object credentials = credentialsType.getConstructors()[0]
                .newInstance("foobar", "admin", "secret", "foobar", "secret", "replication", "secret");
            Object environment = ProjectClasses.load(TOPOLOGY + "NodeEnvironment")
                .getConstructor(plan.getClass(), credentialsType, Path.class)
                .newInstance(plan, credentials, HOME);
            Object node = plan.getClass().getMethod("node", String.class).invoke(plan, nodeName);
            return (Map<String, String>) environment.getClass()
                .getMethod("of", node.getClass())
                .invoke(environment, node);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The web servers' file of application servers as {@code ./foobar up} writes it ({@code WebConfigFile}). */
    static String webConfigFile() {
        try {
            Object plan = plan();
            return (String) ProjectClasses.load(TOPOLOGY + "WebConfigFile")
                .getMethod("render", plan.getClass())
                .invoke(null, plan);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    /** The path the launcher polls to call a service node healthy. */
    static String readinessPath() {
        try {
            return (String) ProjectClasses.load("com.foobar.infra.launcher.process.HealthProbe")
                .getField("READINESS_PATH")
                .get(null);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException(ex);
        }
    }

    private static Object plan() {
        try {
            return ProjectClasses.load(TOPOLOGY + "TopologyPlan").getMethod("seedsDefault").invoke(null);
        }
        catch (ReflectiveOperationException ex) {
            throw new IllegalStateException("Build local-launcher first (./mvnw -pl deployment-checks -am ...)", ex);
        }
    }

    @SuppressWarnings("unchecked")
    private static PlannedNode plannedNode(Object node) {
        Object role = ProjectClasses.call(node, "role");
        return new PlannedNode((String) ProjectClasses.call(node, "name"),
                (String) ProjectClasses.call(role, "jsonName"), (Map<String, Integer>) ProjectClasses.call(node, "ports"));
    }

}
