package com.foobar.infra.deploy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.fabric8.certmanager.api.model.v1.Certificate;
import io.fabric8.certmanager.api.model.v1.Issuer;
import io.fabric8.kubernetes.api.model.KeyToPath;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeProjection;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The mutual-TLS material of the container deployments: every node presents a certificate named after the host its
 * caller uses, and trusts, as caller and as upstream, exactly the tier the local launcher makes it trust
 * ({@code NodeEnvironment}). For compose, {@code docker/init-secrets.sh} runs here into a temporary folder and the
 * certificates it makes are checked; for Kubernetes, the Secrets each pod mounts and, in production, cert-manager's
 * objects.
 */
class InternalTlsMaterialTests {

    private static final String MOUNT = "/run/secrets/internal-tls/";

    private static final String CERTIFICATE = "FOOBAR_INTERNAL_TLS_CERTIFICATE";

    private static final String PRIVATE_KEY = "FOOBAR_INTERNAL_TLS_PRIVATE_KEY";

    private static final List<String> CA_VARIABLES = List.of("FOOBAR_INTERNAL_TLS_CALLER_CA",
            "FOOBAR_INTERNAL_TLS_UPSTREAM_CA");

    private static final String SERVER_AUTH = "1.3.6.1.5.5.7.3.1";

    private static final String CLIENT_AUTH = "1.3.6.1.5.5.7.3.2";

    @TempDir
    static Path secrets;

    private final ComposeFile compose = new ComposeFile("docker-compose.yml");

    @BeforeAll
    static void runInitSecrets() throws Exception {
        Commands.require("openssl", "apt-get install openssl");
        Commands.run("bash", RepositoryFiles.path("docker/init-secrets.sh").toString(), secrets.toString());
    }

    static List<String> overlays() throws Exception {
        return RenderedOverlay.names();
    }

    @Test
    void shouldGiveEveryComposeContainerItsOwnFolderAndACertificateNamedAfterIt() throws Exception {
        for (String name : this.compose.serviceContainers().keySet()) {
            assertThat(this.compose.volumes(name)).as(name).anySatisfy((volume) -> assertThat(volume)
                .containsEntry("source", "secrets")
                .containsEntry("target", MOUNT.substring(0, MOUNT.length() - 1))
                .containsEntry("read_only", true)
                .containsEntry("volume", Map.of("subpath", "internal-tls/" + name)));
            Map<String, String> environment = this.compose.environment(name);
            X509Certificate certificate = composeCertificate(name);
            assertThat(certificate.getSubjectAlternativeNames()).as(name).containsExactly(List.of(2, name));
            assertThat(certificate.getExtendedKeyUsage()).as(name).contains(SERVER_AUTH, CLIENT_AUTH);
            // PKCS#8, the form the services' PEM SSL bundles read.
            assertThat(Files.readString(composeFile(name, environment.get(PRIVATE_KEY)))).as(name)
                .startsWith("-----BEGIN PRIVATE KEY-----");
        }
    }

    @Test
    void shouldMakeEachComposeContainerTrustExactlyTheTiersTheLauncherMakesItTrust() throws Exception {
        Map<String, String> containers = this.compose.serviceContainers();
        for (Map.Entry<String, String> container : containers.entrySet()) {
            String name = container.getKey();
            Map<String, String> environment = this.compose.environment(name);
            Map<String, String> launcher = launcherEnvironment(container.getValue());
            for (String variable : CA_VARIABLES) {
                assertThat(environment.containsKey(variable)).as("%s %s", name, variable)
                    .isEqualTo(launcher.containsKey(variable));
                if (!launcher.containsKey(variable)) {
                    continue;
                }
                String trusted = tierService(launcher.get(variable));
                X509Certificate ca = certificate(composeFile(name, environment.get(variable)));
                for (Map.Entry<String, String> other : containers.entrySet()) {
                    assertThat(isSignedBy(composeCertificate(other.getKey()), ca))
                        .as("%s's %s accepts %s", name, variable, other.getKey())
                        .isEqualTo(other.getValue().equals(trusted));
                }
            }
        }
    }

    @ParameterizedTest
    @MethodSource("overlays")
    void shouldMountEachTiersSecretAndTheCasOfTheTiersTheLauncherTrusts(String overlay) throws Exception {
        RenderedOverlay rendered = RenderedOverlay.render(overlay);
        for (String service : List.of("gateway-service", "web-service", "app-service")) {
            Map<String, String> environment = rendered.environment(service);
            Map<String, String> launcher = launcherEnvironment(service);
            Map<String, String> expected = new LinkedHashMap<>();
            expected.put(fileName(environment.get(CERTIFICATE)), secret(service) + "/tls.crt");
            expected.put(fileName(environment.get(PRIVATE_KEY)), secret(service) + "/tls.key");
            for (String variable : CA_VARIABLES) {
                assertThat(environment.containsKey(variable)).as("%s %s", service, variable)
                    .isEqualTo(launcher.containsKey(variable));
                if (launcher.containsKey(variable)) {
                    expected.put(fileName(environment.get(variable)), secret(tierService(launcher.get(variable)))
                            + "/ca.crt");
                }
            }
            assertThat(internalTlsFiles(rendered, service)).as("%s in %s", service, overlay)
                .containsExactlyInAnyOrderEntriesOf(expected);
        }
    }

    @Test
    void shouldIssueEachTiersCertificateFromACaOfItsOwnInProduction() throws Exception {
        RenderedOverlay production = RenderedOverlay.render("production");
        Set<String> caSecrets = new TreeSet<>();
        Set<String> issuers = new TreeSet<>();
        for (String service : List.of("gateway-service", "web-service", "app-service")) {
            Certificate certificate = production.all(Certificate.class).stream()
                .filter((c) -> c.getSpec().getSecretName().equals(secret(service)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Certificate fills " + secret(service)));
            assertThat(production.one(Service.class, service)).isNotNull();
            assertThat(certificate.getSpec().getDnsNames()).as(service).contains(service);
            assertThat(certificate.getSpec().getUsages()).as(service).contains("server auth", "client auth");
            assertThat(certificate.getSpec().getPrivateKey().getEncoding()).as(service).isEqualTo("PKCS8");
            assertThat(certificate.getSpec().getIssuerRef().getKind()).as(service).isEqualTo("Issuer");
            Issuer issuer = production.one(Issuer.class, certificate.getSpec().getIssuerRef().getName());
            String caSecret = issuer.getSpec().getCa().getSecretName();
            assertThat(production.all(Certificate.class)).as(service).anySatisfy((ca) -> {
                assertThat(ca.getSpec().getSecretName()).isEqualTo(caSecret);
                assertThat(ca.getSpec().getIsCA()).isTrue();
            });
            issuers.add(issuer.getMetadata().getName());
            caSecrets.add(caSecret);
        }
        assertThat(issuers).as("one CA per tier").hasSize(3);
        assertThat(caSecrets).as("one CA per tier").hasSize(3);
        for (RenderedOverlay.Workload workload : production.workloads()) {
            assertThat(secretsMounted(workload.template().getSpec())).as("%s mounts no CA key", workload.name())
                .doesNotContainAnyElementsOf(caSecrets);
        }
    }

    private X509Certificate composeCertificate(String container) throws Exception {
        return certificate(composeFile(container, this.compose.environment(container).get(CERTIFICATE)));
    }

    /** Where a {@code file:/run/secrets/internal-tls/...} value of a container lies in the secrets volume. */
    private static Path composeFile(String container, String value) {
        assertThat(value).as(container).startsWith("file:" + MOUNT);
        return secrets.resolve("internal-tls").resolve(container).resolve(fileName(value));
    }

    private static String fileName(String value) {
        assertThat(value).startsWith("file:" + MOUNT);
        return value.substring(("file:" + MOUNT).length());
    }

    /** {@code file:.../internal/gateway-ca.crt}, a CA the launcher names after its tier, to {@code gateway-service}. */
    private static String tierService(String launcherCaFile) {
        String name = Path.of(launcherCaFile.substring("file:".length())).getFileName().toString();
        assertThat(name).endsWith("-ca.crt");
        return name.substring(0, name.length() - "-ca.crt".length()) + "-service";
    }

    private static String secret(String service) {
        return service + "-internal-tls";
    }

    private static Map<String, String> launcherEnvironment(String service) {
        String role = service.substring(0, service.length() - "-service".length());
        String firstNode = LauncherTopology.nodes().stream().filter((node) -> node.role().equals(role)).findFirst()
            .orElseThrow().name();
        return LauncherTopology.environment(firstNode);
    }

    /** The files of the volume mounted at the internal-tls folder: file name to {@code secret/key}. */
    private static Map<String, String> internalTlsFiles(RenderedOverlay rendered, String service) {
        PodSpec pod = rendered.one(Deployment.class, service).getSpec().getTemplate().getSpec();
        String volumeName = pod.getContainers().getFirst().getVolumeMounts().stream()
            .filter((mount) -> (mount.getMountPath() + "/").equals(MOUNT))
            .findFirst()
            .orElseThrow(() -> new AssertionError(service + " mounts nothing at " + MOUNT))
            .getName();
        Volume volume = pod.getVolumes().stream().filter((v) -> v.getName().equals(volumeName)).findFirst()
            .orElseThrow();
        Map<String, String> files = new LinkedHashMap<>();
        for (VolumeProjection source : volume.getProjected().getSources()) {
            for (KeyToPath item : source.getSecret().getItems()) {
                files.put(item.getPath(), source.getSecret().getName() + "/" + item.getKey());
            }
        }
        return files;
    }

    private static Set<String> secretsMounted(PodSpec pod) {
        Set<String> names = new TreeSet<>();
        for (Volume volume : pod.getVolumes()) {
            if (volume.getSecret() != null) {
                names.add(volume.getSecret().getSecretName());
            }
            if (volume.getProjected() != null) {
                volume.getProjected().getSources().stream().filter((source) -> source.getSecret() != null)
                    .forEach((source) -> names.add(source.getSecret().getName()));
            }
        }
        return names;
    }

    private static X509Certificate certificate(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    private static boolean isSignedBy(X509Certificate certificate, X509Certificate ca) {
        try {
            certificate.verify(ca.getPublicKey());
            return certificate.getIssuerX500Principal().equals(ca.getSubjectX500Principal());
        }
        catch (GeneralSecurityException ex) {
            return false;
        }
    }

}
