package com.foobar.infra.internaltls;

import java.nio.file.Path;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.autoconfigure.ssl.SslAutoConfiguration;
import org.springframework.boot.ssl.SslBundles;
import org.springframework.boot.test.context.FilteredClassLoader;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.cloud.gateway.config.HttpClientCustomizer;

import static org.assertj.core.api.Assertions.assertThat;

class InternalTlsAutoConfigurationTests {

    @TempDir
    static Path dir;

    static TestCertificates certificates;

    private final ApplicationContextRunner runner = new ApplicationContextRunner()
        .withConfiguration(AutoConfigurations.of(SslAutoConfiguration.class, InternalTlsAutoConfiguration.class));

    @BeforeAll
    static void makeCertificates() throws Exception {
        certificates = new TestCertificates(dir);
        certificates.tier("gateway");
        certificates.tier("web").node("web-1");
        certificates.tier("app");
    }

    @Test
    void shouldChangeNothingWithoutACertificate() {
        this.runner.run((context) -> {
            assertThat(context).hasNotFailed()
                .doesNotHaveBean(InternalTlsBundleRegistrar.class)
                .doesNotHaveBean(MutualTlsWebServerCustomizer.class)
                .doesNotHaveBean(HttpClientCustomizer.class);
            assertThat(context.getBean(SslBundles.class).getBundleNames()).isEmpty();
        });
    }

    @Test
    void shouldServeAndCallWhenBothCasAreGiven() {
        this.runner.withPropertyValues(web1("caller-ca=" + ca("gateway"), "upstream-ca=" + ca("app")))
            .run((context) -> {
                assertThat(context).hasSingleBean(MutualTlsWebServerCustomizer.class)
                    .hasSingleBean(UpstreamTlsHttpClientCustomizer.class);
                SslBundles bundles = context.getBean(SslBundles.class);
                assertThat(bundles.getBundleNames()).containsExactlyInAnyOrder("foobar-internal-server",
                        "foobar-internal-client");
                assertThat(bundles.getBundle("foobar-internal-server").getOptions().getEnabledProtocols())
                    .containsExactlyInAnyOrder("TLSv1.2", "TLSv1.3");
                assertThat(bundles.getBundle("foobar-internal-server").getStores().getTrustStore().size()).isOne();
            });
    }

    @Test
    void shouldLeaveTheServerAloneWithoutACallerCa() {
        this.runner.withPropertyValues(web1("upstream-ca=" + ca("web"))).run((context) -> {
            assertThat(context).doesNotHaveBean(MutualTlsWebServerCustomizer.class)
                .hasSingleBean(UpstreamTlsHttpClientCustomizer.class);
            assertThat(context.getBean(SslBundles.class).getBundleNames()).containsExactly("foobar-internal-client");
        });
    }

    @Test
    void shouldOnlyServeWithoutAnUpstreamCa() {
        this.runner.withPropertyValues(web1("caller-ca=" + ca("web"))).run((context) -> {
            assertThat(context).hasSingleBean(MutualTlsWebServerCustomizer.class)
                .doesNotHaveBean(UpstreamTlsHttpClientCustomizer.class);
            assertThat(context.getBean(SslBundles.class).getBundleNames()).containsExactly("foobar-internal-server");
        });
    }

    @Test
    void shouldNotCustomizeAGatewayClientWhereThereIsNoGateway() {
        this.runner.withClassLoader(new FilteredClassLoader(HttpClientCustomizer.class))
            .withPropertyValues(web1("caller-ca=" + ca("web"), "upstream-ca=" + ca("app")))
            .run((context) -> assertThat(context).hasNotFailed()
                .hasSingleBean(MutualTlsWebServerCustomizer.class)
                .doesNotHaveBean(UpstreamTlsHttpClientCustomizer.class));
    }

    @Test
    void shouldFailToStartWithACallerCaButNoCertificate() {
        this.runner.withPropertyValues("foobar.internal-tls.caller-ca=" + ca("gateway"))
            .run((context) -> assertThat(context).hasFailed()
                .getFailure()
                .rootCause()
                .hasMessageContaining("needs certificate and private-key"));
    }

    @Test
    void shouldFailToStartWithACertificateButNoPrivateKey() {
        this.runner
            .withPropertyValues("foobar.internal-tls.certificate=file:" + certificates.certificate("web-1"),
                    "foobar.internal-tls.caller-ca=" + ca("gateway"))
            .run((context) -> assertThat(context).hasFailed());
    }

    @Test
    void shouldFailToStartWithACertificateThatServesAndCallsNobody() {
        this.runner.withPropertyValues(web1()).run((context) -> assertThat(context).hasFailed());
    }

    private static String[] web1(String... more) {
        String[] properties = new String[more.length + 2];
        properties[0] = "foobar.internal-tls.certificate=file:" + certificates.certificate("web-1");
        properties[1] = "foobar.internal-tls.private-key=file:" + certificates.privateKey("web-1");
        for (int i = 0; i < more.length; i++) {
            properties[i + 2] = "foobar.internal-tls." + more[i];
        }
        return properties;
    }

    private static String ca(String tier) {
        return "file:" + certificates.caCertificate(tier);
    }

}
