package com.foobar.infra.balancing.pool;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.validation.beanvalidation.LocalValidatorFactoryBean;

import static org.assertj.core.api.Assertions.assertThat;

class BackendGroupsLoaderTests {

    private static final String FILE = """
            foobar:
              balancing:
                groups:
                  app-service:
                    preferred: ${FOOBAR_PREFERRED_APP:}
                    backends:
                      - {name: app-1, uri: "https://127.0.0.1:8201"}
                      - {name: app-2, uri: "https://127.0.0.1:8202"}
            """;

    @TempDir
    Path folder;

    @Test
    void shouldResolvePlaceholdersInTheFileAgainstTheEnvironment() throws IOException {
        StandardEnvironment environment = new StandardEnvironment();
        environment.getPropertySources().addFirst(new MapPropertySource("node", Map.of("FOOBAR_PREFERRED_APP",
                "app-2")));

        BackendGroupProperties group = load(environment).get("app-service");

        assertThat(group.preferred()).isEqualTo("app-2");
        assertThat(group.backends()).extracting(group::isBackup).containsExactly(true, false);
    }

    @Test
    void shouldPreferNoBackendWhenTheVariableIsUnset() throws IOException {
        BackendGroupProperties group = load(new StandardEnvironment()).get("app-service");

        assertThat(group.backends()).extracting(group::isBackup).containsExactly(false, false);
    }

    private Map<String, BackendGroupProperties> load(StandardEnvironment environment) throws IOException {
        Path file = Files.writeString(this.folder.resolve("web.yml"), FILE);
        LocalValidatorFactoryBean validator = new LocalValidatorFactoryBean();
        validator.afterPropertiesSet();
        return new BackendGroupsLoader(environment, file, validator).load();
    }
}
