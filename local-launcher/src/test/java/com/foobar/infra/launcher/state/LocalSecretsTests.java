package com.foobar.infra.launcher.state;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import com.foobar.infra.mariadb.DatabaseCredentials;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class LocalSecretsTests {

    @TempDir
    Path dir;

    @Test
    void shouldCreateRandomPasswordsOnFirstUse() {
        Path file = this.dir.resolve("home/secrets.properties");

        DatabaseCredentials credentials = new LocalSecrets(file).databaseCredentials();

        assertThat(file).isRegularFile();
        assertThat(credentials.database()).isEqualTo("foobar");
        assertThat(credentials.adminUser()).isEqualTo("foobar_admin");
        assertThat(credentials.appUser()).isEqualTo("foobar");
        assertThat(credentials.replicationUser()).isEqualTo("foobar_replication");
        List<String> passwords = List.of(credentials.adminPassword(), credentials.appPassword(),
                credentials.replicationPassword());
        assertThat(passwords).allSatisfy((password) -> assertThat(password).matches("[0-9a-f]{36}"));
        assertThat(passwords).doesNotHaveDuplicates();
    }

    @Test
    void shouldKeepThePasswordsAcrossCalls() throws Exception {
        Path file = this.dir.resolve("secrets.properties");
        DatabaseCredentials first = new LocalSecrets(file).databaseCredentials();
        byte[] written = Files.readAllBytes(file);

        LocalSecrets again = new LocalSecrets(file);

        assertThat(again.databaseCredentials()).isEqualTo(first);
        assertThat(again.databaseCredentials()).isEqualTo(first);
        assertThat(file).hasBinaryContent(written);
    }

    @Test
    void shouldMakeDifferentPasswordsForAnotherTopology() {
        DatabaseCredentials one = new LocalSecrets(this.dir.resolve("one/secrets.properties")).databaseCredentials();
        DatabaseCredentials two = new LocalSecrets(this.dir.resolve("two/secrets.properties")).databaseCredentials();

        assertThat(two.appPassword()).isNotEqualTo(one.appPassword());
        assertThat(two.adminPassword()).isNotEqualTo(one.adminPassword());
        assertThat(two.replicationPassword()).isNotEqualTo(one.replicationPassword());
    }

    @Test
    void shouldMakeTheFileReadableByTheOwnerOnly() throws Exception {
        Path file = this.dir.resolve("secrets.properties");

        new LocalSecrets(file).databaseCredentials();

        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void shouldAddAMissingPasswordAndKeepTheOthers() throws Exception {
        Path file = this.dir.resolve("secrets.properties");
        Files.writeString(file, "db.app.password=kept_app_password\n");

        DatabaseCredentials credentials = new LocalSecrets(file).databaseCredentials();

        assertThat(credentials.appPassword()).isEqualTo("kept_app_password");
        assertThat(credentials.adminPassword()).matches("[0-9a-f]{36}");
        assertThat(credentials.replicationPassword()).matches("[0-9a-f]{36}");
        assertThat(new LocalSecrets(file).databaseCredentials()).isEqualTo(credentials);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
    }

    @Test
    void shouldHideThePasswordsFromToString() {
        DatabaseCredentials credentials = new LocalSecrets(this.dir.resolve("secrets.properties"))
            .databaseCredentials();

        assertThat(credentials.toString()).doesNotContain(credentials.adminPassword(), credentials.appPassword(),
                credentials.replicationPassword())
            .contains("foobar_admin", "foobar_replication", "passwords hidden");
    }

}
