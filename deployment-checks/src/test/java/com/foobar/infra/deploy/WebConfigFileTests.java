package com.foobar.infra.deploy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The compose web servers' file of application servers ({@code deploy/web/compose/web.yml}) loads as a web server
 * loads it, lists every application container over HTTPS on its port with its readiness on the management port,
 * checks them as the launcher's {@code WebConfigFile} does, and is what every web container reads, each preferring
 * the application server of its own number.
 */
class WebConfigFileTests {

    private static final String FILE = "deploy/web/compose/web.yml";

    private static final String CONFIG_VARIABLE = "FOOBAR_WEB_CONFIG";

    private final ComposeFile compose = new ComposeFile("docker-compose.yml");

    private final Map<String, String> app = RepositoryFiles.serviceEnvironment("app-service");

    @TempDir
    Path folder;

    @Test
    void shouldListEveryComposeApplicationContainerOverHttpsWithItsReadinessOnTheManagementPort() throws Exception {
        Map<String, BackendGroupsFile.Group> groups = BackendGroupsFile.load(FILE);
        // The group the web servers' route sends to (lb://app-service in their application.yml).
        assertThat(RepositoryFiles.read("web-service/src/main/resources/application.yml"))
            .contains("uri: lb://app-service");
        assertThat(groups).containsOnlyKeys("app-service");
        List<BackendGroupsFile.Backend> backends = groups.get("app-service").backends();
        assertThat(backends).extracting(BackendGroupsFile.Backend::name)
            .containsExactlyInAnyOrderElementsOf(containers("app-service"));
        assertThat(backends).allSatisfy((backend) -> {
            assertThat(backend.uri().getScheme()).as(backend.name()).isEqualTo("https");
            assertThat(backend.uri().getHost()).as(backend.name()).isEqualTo(backend.name());
            assertThat(backend.uri().getPort()).as(backend.name()).isEqualTo(port("FOOBAR_HTTP_PORT"));
            assertThat(backend.healthUri()).as(backend.name()).isNotNull();
            assertThat(backend.healthUri().getScheme()).as(backend.name()).isEqualTo("http");
            assertThat(backend.healthUri().getHost()).as(backend.name()).isEqualTo(backend.name());
            assertThat(backend.healthUri().getPort()).as(backend.name()).isEqualTo(port("FOOBAR_MANAGEMENT_PORT"));
            assertThat(backend.healthUri().getPath()).as(backend.name()).isEqualTo(LauncherTopology.readinessPath());
        });
    }

    @Test
    void shouldCheckTheApplicationServersAsTheLauncherDoes() throws Exception {
        Path launcher = Files.writeString(this.folder.resolve("web.yml"), LauncherTopology.webConfigFile());

        BackendGroupsFile.Group local = BackendGroupsFile.loadFile(launcher, "the launcher's web.yml")
            .get("app-service");

        assertThat(BackendGroupsFile.load(FILE).get("app-service").checks()).isEqualTo(local.checks());
    }

    @Test
    void shouldMountTheOneFileIntoEveryWebContainerEachPreferringItsOwnApplicationServer() throws Exception {
        Set<String> apps = containers("app-service");
        Set<String> webs = containers("web-service");
        assertThat(webs).isNotEmpty();
        for (String web : webs) {
            Map<String, String> environment = this.compose.environment(web);
            String config = environment.get(CONFIG_VARIABLE);
            assertThat(config).as(web).isNotNull();
            assertThat(environment).as(web).containsEntry("FOOBAR_PREFERRED_APP", web.replace("web-", "app-"));
            assertThat(apps).contains(environment.get("FOOBAR_PREFERRED_APP"));
            assertThat(this.compose.volumes(web)).as(web).anySatisfy((volume) -> {
                assertThat(volume).containsEntry("type", "bind")
                    .containsEntry("target", Path.of(config).getParent().toString());
                assertThat(Path.of(String.valueOf(volume.get("source"))).normalize())
                    .isEqualTo(Path.of(FILE).getParent());
            });
        }
    }

    private Set<String> containers(String service) {
        Set<String> names = new TreeSet<>();
        this.compose.serviceContainers().forEach((name, image) -> {
            if (image.equals(service)) {
                names.add(name);
            }
        });
        return names;
    }

    private int port(String variable) {
        return Integer.parseInt(this.app.get(variable));
    }

}
