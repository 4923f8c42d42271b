package com.foobar.infra.launcher.process;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

class ProcessStarterTests {

    @TempDir
    Path dir;

    @Test
    void shouldFindSetsidOnThePathBeforeTheUsualFolders() throws Exception {
        Path bin = executable(this.dir.resolve("bin/setsid"));
        Path usual = executable(this.dir.resolve("usual/setsid"));
        String path = this.dir.resolve("empty") + ":" + bin.getParent();

        assertThat(ProcessStarter.setsid(path, List.of(usual.getParent()))).isEqualTo(bin);
        assertThat(ProcessStarter.setsid("", List.of(usual.getParent()))).isEqualTo(usual);
        assertThat(ProcessStarter.setsid(null, List.of(usual.getParent()))).isEqualTo(usual);
    }

    @Test
    void shouldSkipASetsidThatIsNotExecutable() throws Exception {
        Path notExecutable = this.dir.resolve("plain/setsid");
        Files.createDirectories(notExecutable.getParent());
        Files.writeString(notExecutable, "");
        Path usual = executable(this.dir.resolve("usual/setsid"));

        assertThat(ProcessStarter.setsid(notExecutable.getParent().toString(), List.of(usual.getParent())))
            .isEqualTo(usual);
    }

    @Test
    void shouldSayToInstallUtilLinuxWithoutSetsid() {
        assertThatIllegalStateException()
            .isThrownBy(() -> ProcessStarter.setsid(this.dir.toString(), List.of(this.dir.resolve("none"))))
            .withMessageContaining("setsid was not found")
            .withMessageContaining("util-linux");
    }

    @Test
    void shouldStartTheNodeInItsOwnSession() throws Exception {
        Path log = this.dir.resolve("logs/node.log");

        // Field 6 of /proc/<pid>/stat is the session: a session leader's is its own pid, which is the node's.
        Process process = new ProcessStarter(this.dir).start(List.of("sh", "-c", "cut -d' ' -f6 /proc/$$/stat"),
                Map.of(), log);

        assertThat(process.waitFor()).isZero();
        assertThat(Files.readString(log).strip()).isEqualTo(Long.toString(process.pid()));
    }

    private static Path executable(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        Files.writeString(file, "#!/bin/sh\n");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
        return file;
    }

}
