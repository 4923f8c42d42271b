package com.foobar.infra.gateway;

import java.io.IOException;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

import com.foobar.infra.balancing.backend.BackendProcess;
import com.foobar.infra.balancing.backend.GroupsFile;
import com.foobar.infra.gateway.backend.GatewayClient;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The gateway as an operator runs it in production: the {@code production} profile hides the internal topology
 * from clients, and a certificate renewed in place is served without a restart.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = { "management.server.port=0",
        "foobar.gateway.http-redirect-port=0", "spring.ssl.bundle.watch.file.quiet-period=200ms" })
@ActiveProfiles("production")
class GatewayProductionProfileTests {

    // Its own certificate, not the shared one of GatewayWithBackendProcesses: this test renews it in place.
    private static final SelfSignedCertificate certificate = SelfSignedCertificate.create();

    private static final BackendProcess backend = BackendProcess.start("p-1");

    private static final Path configFile = GatewayTestFiles.temporaryFile("gateway", ".yml");

    @LocalServerPort
    private int httpsPort;

    @DynamicPropertySource
    static void gateway(DynamicPropertyRegistry registry) {
        registry.add("FOOBAR_TLS_CERTIFICATE", certificate::certificateLocation);
        registry.add("FOOBAR_TLS_PRIVATE_KEY", certificate::privateKeyLocation);
        registry.add("foobar.balancing.config-file", configFile::toString);
        new GroupsFile().group("web-service", List.of(), List.of(backend)).writeTo(configFile);
    }

    @AfterAll
    static void stop() {
        backend.close();
        certificate.delete();
    }

    @Test
    void shouldHideWhichNodesServedTheRequest() throws GeneralSecurityException {
        // Any certificate: the other test may have renewed it already.
        HttpResponse<String> response = new GatewayClient(anyCertificate(), this.httpsPort).get("/api/posts");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).isEqualTo("p-1");
        assertThat(response.headers().map()).doesNotContainKeys("x-served-by", "x-db-node");
    }

    @Test
    void shouldServeARenewedCertificateWithoutRestart() throws Exception {
        SelfSignedCertificate renewed = SelfSignedCertificate.create();
        try {
            assertThat(servedSerialNumber()).isEqualTo(certificate.serialNumber());

            renewed.installOver(certificate);

            await().atMost(Duration.ofSeconds(15)).until(() -> servedSerialNumber().equals(renewed.serialNumber()));
        }
        finally {
            renewed.delete();
        }
    }

    private BigInteger servedSerialNumber() throws IOException, GeneralSecurityException {
        try (SSLSocket socket = (SSLSocket) anyCertificate().getSocketFactory().createSocket("127.0.0.1",
                this.httpsPort)) {
            socket.startHandshake();
            return ((X509Certificate) socket.getSession().getPeerCertificates()[0]).getSerialNumber();
        }
    }

    private static SSLContext anyCertificate() throws GeneralSecurityException {
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, new TrustManager[] { new AcceptingTrustManager() }, null);
        return context;
    }

    /** Accepts any server certificate: the test reads which one is served, it does not trust it with anything. */
    private static final class AcceptingTrustManager implements X509TrustManager {

        @Override
        public void checkClientTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public void checkServerTrusted(X509Certificate[] chain, String authType) {
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
