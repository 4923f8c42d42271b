package com.foobar.infra.mariadb;

import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

/** When a data directory counts as installed, and installing over what a failed installation left. */
class MariaDbServerTests {

    private static final DatabaseCredentials CREDENTIALS = new DatabaseCredentials("foobar", "admin", "adminpw1",
            "app", "apppw1", "repl", "replpw1");

    static MariaDbDistribution distribution;

    @TempDir
    Path dir;

    @BeforeAll
    static void unpack() {
        distribution = MariaDbDistribution.unpack(Path.of("..", ".foobar").toAbsolutePath());
    }

    @Test
    void shouldNotTrustSystemTablesWithoutTheInstalledMarker() throws Exception {
        MariaDbServer server = server();
        assertThat(server.isInstalled()).isFalse();

        // What mariadb-install-db leaves when the bootstrap creating the administrator then fails.
        Files.createDirectories(server.dataDir().resolve("mysql"));

        assertThat(server.isInstalled()).isFalse();
    }

    @Test
    void shouldAdoptADirectoryInstalledBeforeTheMarkerWhoseServerHasRun() throws Exception {
        MariaDbServer server = server();
        Files.createDirectories(server.dataDir().resolve("mysql"));
        Files.writeString(server.dataDir().resolve("db-primary-bin.index"), "./db-primary-bin.000001\n");

        assertThat(server.isInstalled()).isTrue();
        Files.delete(server.dataDir().resolve("db-primary-bin.index"));
        assertThat(server.isInstalled()).as("marked installed the first time").isTrue();
    }

    @Test
    void shouldInstallFromACleanDirectoryOverAFailedInstallation() throws Exception {
        MariaDbServer server = server();
        Files.createDirectories(server.dataDir().resolve("mysql"));
        Files.writeString(server.dataDir().resolve("mysql/left-over.frm"), "half-made");

        server.install(CREDENTIALS, this.dir.resolve("logs/db-primary.log"));

        assertThat(server.dataDir().resolve("mysql/left-over.frm")).doesNotExist();
        assertThat(server.dataDir().resolve("mysql/user.frm")).exists();
        assertThat(server.isInstalled()).isTrue();
        assertThatIllegalStateException().isThrownBy(() -> server.install(CREDENTIALS, this.dir.resolve("x.log")))
            .withMessageContaining("already installed");
    }

    private MariaDbServer server() {
        return new MariaDbServer("db-primary", DatabaseRole.PRIMARY, 24_490, 1, this.dir.resolve("data"),
                this.dir.resolve("run"), distribution);
    }

}
