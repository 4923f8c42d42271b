package com.foobar.infra.gateway;

import com.foobar.infra.gateway.backend.GatewayClient;

import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Base of the tests that run the gateway in the test's JVM in front of backends that are processes of their own:
 * the public certificate, the gateway's ports, an HTTPS client and its stats. Subclasses start their backends and
 * write the gateway's configuration file.
 */
abstract class GatewayWithBackendProcesses {

    static final SelfSignedCertificate certificate = SelfSignedCertificate.create();

    static {
        // Shared by every subclass in this JVM, so it goes when the JVM does.
        Runtime.getRuntime().addShutdownHook(new Thread(certificate::delete));
    }

    @LocalServerPort
    int httpsPort;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void publicCertificate(DynamicPropertyRegistry registry) {
        registry.add("FOOBAR_TLS_CERTIFICATE", certificate::certificateLocation);
        registry.add("FOOBAR_TLS_PRIVATE_KEY", certificate::privateKeyLocation);
    }

    GatewayClient client() {
        return new GatewayClient(certificate.trustingContext(), this.httpsPort);
    }

    /** The gateway's {@code backends} endpoint, as JSON text. */
    String stats() {
        return GatewayTestFiles.get(this.managementPort, "/actuator/backends");
    }
}
