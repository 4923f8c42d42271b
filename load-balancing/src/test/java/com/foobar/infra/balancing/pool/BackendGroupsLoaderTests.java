package com.foobar.infra.balancing.pool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.env.StandardEnvironment;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;

class BackendGroupsLoaderTests {

    private static final String FILE = """
            foobar:
              balancing:
                groups:
                  app-service:
                    backends:
                      - {name: app-1, uri: "https://127.0.0.1:8201"}
                      - {name: app-2, uri: "https://127.0.0.1:8202"}
            """;

    @TempDir
    Path folder;

    @Test
    void shouldGiveEveryGroupThatListsItTheNodesPreferredBackend() throws IOException {
        BackendGroupProperties group = load("app-2").get("app-service");

        assertThat(group.preferred()).isEqualTo("app-2");
        assertThat(group.backends()).extracting(group::isBackup).containsExactly(true, false);
    }

    @Test
    void shouldLeaveGroupsThatDoNotListTheNodesPreferredBackendAlone() throws IOException {
        BackendGroupProperties group = load("app-9").get("app-service");

        assertThat(group.preferred()).isNull();
        assertThat(group.backends()).extracting(group::isBackup).containsExactly(false, false);
    }

    private Map<String, BackendGroupProperties> load(String preferred) throws IOException {
        Path file = Files.writeString(this.folder.resolve("web.yml"), FILE);
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        return new BackendGroupsLoader(new StandardEnvironment(), file, validator, preferred).load();
    }
}
