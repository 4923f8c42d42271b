package com.foobar.infra.deploy;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * {@code deploy/mysql}, the MySQL members' start, replication and health scripts, against what compose and
 * Kubernetes give them and what the application logs in with.
 */
class MySqlScriptsTests {

    private static final Pattern RETRY = Pattern.compile("SOURCE_CONNECT_RETRY = (\\d+), SOURCE_RETRY_COUNT = (\\d+)");

    private final String replication = RepositoryFiles.read("deploy/mysql/replication.sh");

    private final ComposeFile compose = new ComposeFile("docker-compose.yml");

    static List<String> overlays() throws Exception {
        return RenderedOverlay.names();
    }

    @Test
    void shouldParseEveryScript() throws Exception {
        for (String script : List.of("mysqld.sh", "replication.sh", "healthy.sh")) {
            Commands.run("bash", "-n", RepositoryFiles.path("deploy/mysql/" + script).toString());
        }
    }

    @Test
    void shouldCreateTheAccountTheApplicationLogsInWith() {
        String user = RepositoryFiles.serviceEnvironment("app-service").get("FOOBAR_DATASOURCE_USERNAME");
        assertThat(this.replication).contains("CREATE USER '" + user + "'@'%' IDENTIFIED BY '${app_password}';")
            .contains("GRANT ALL PRIVILEGES ON foobar.* TO '" + user + "'@'%';")
            .contains("GRANT REPLICATION CLIENT ON *.* TO '" + user + "'@'%';");
        assertThat(RepositoryFiles.serviceEnvironment("app-service").get("FOOBAR_DATASOURCE_PRIMARY_URL"))
            .endsWith("/foobar?sslMode=REQUIRED");
    }

    @Test
    void shouldKeepReplicatingThroughALongPrimaryOutage() {
        Matcher retry = RETRY.matcher(this.replication);
        assertThat(retry.find()).isTrue();
        Duration retrying = Duration.ofSeconds(Long.parseLong(retry.group(1)) * Long.parseLong(retry.group(2)));
        assertThat(retrying).as("how long a replica retries the primary").isGreaterThanOrEqualTo(Duration.ofDays(1));
        // Should it give up all the same, the health check starts it again.
        assertThat(RepositoryFiles.read("deploy/mysql/healthy.sh")).contains("START REPLICA IO_THREAD");
    }

    @Test
    void shouldStartEveryReplicaWithoutTransactionsOfItsOwn() {
        String replica = this.replication.substring(this.replication.indexOf("\nelse\n"));
        assertThat(replica.indexOf("RESET BINARY LOGS AND GTIDS;")).as("reset before replicating")
            .isPositive()
            .isLessThan(replica.indexOf("CHANGE REPLICATION SOURCE TO"));
        for (String member : List.of("db-primary", "db-replica-1", "db-replica-2")) {
            assertThat(this.compose.environment(member)).as(member).containsEntry("MYSQL_INITDB_SKIP_TZINFO", "1");
        }
    }

    @Test
    void shouldCheckReplicationInComposesHealthcheck() {
        for (String member : List.of("db-primary", "db-replica-1", "db-replica-2")) {
            @SuppressWarnings("unchecked")
            Map<String, Object> healthcheck = (Map<String, Object>) this.compose.service(member).get("healthcheck");
            assertThat(healthcheck.get("test")).as(member)
                .isEqualTo(List.of("CMD", "bash", "/opt/foobar/healthy.sh"));
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldCheckReplicationInTheReadinessProbeAndSkipTheTimeZoneTables(String overlay) throws Exception {
        RenderedOverlay rendered = RenderedOverlay.render(overlay);
        Container mysql = rendered.one(StatefulSet.class, "mysql").getSpec().getTemplate().getSpec().getContainers()
            .getFirst();
        assertThat(mysql.getReadinessProbe().getExec().getCommand())
            .containsExactly("/bin/bash", "/opt/foobar/healthy.sh");
        // Liveness only pings: restarting the server would not mend replication.
        assertThat(mysql.getLivenessProbe().getExec().getCommand()).contains("ping");
        assertThat(mysql.getEnv()).extracting(EnvVar::getName, EnvVar::getValue)
            .contains(tuple("MYSQL_INITDB_SKIP_TZINFO", "1"));
        assertThat(rendered.all(ConfigMap.class))
            .filteredOn((map) -> map.getMetadata().getName().startsWith("mysql-scripts-"))
            .singleElement()
            .satisfies((map) -> assertThat(map.getData()).containsKey("healthy.sh"));
    }

}
