package com.foobar.infra.gateway.redirect;

import java.net.URI;
import java.util.List;

import com.foobar.infra.gateway.FoobarGatewayProperties;
import com.foobar.infra.gateway.FoobarGatewayProperties.Backend;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CanonicalAddressTests {

    @Test
    void shouldKeepRawPathAndQueryOnPublicPort() {
        CanonicalAddress address = canonicalAddress(8443);

        assertThat(address.httpsUrl(URI.create("http://foobar.com:8080/a%20b/c?q=x%26y&z")))
                .isEqualTo(URI.create("https://www.foobar.com:8443/a%20b/c?q=x%26y&z"));
    }

    @Test
    void shouldLeaveDefaultHttpsPortOutOfUrl() {
        assertThat(canonicalAddress(443).httpsUrl("/api/posts")).isEqualTo(URI.create("https://www.foobar.com/api/posts"));
    }

    @Test
    void shouldRedirectToRootWhenRequestTargetHasNoPathOrIsInvalid() {
        CanonicalAddress address = canonicalAddress(8443);

        assertThat(address.httpsUrl("*")).isEqualTo(URI.create("https://www.foobar.com:8443/"));
        assertThat(address.httpsUrl("/bad path|")).isEqualTo(URI.create("https://www.foobar.com:8443/"));
        assertThat(address.httpsUrl("http://www.foobar.com")).isEqualTo(URI.create("https://www.foobar.com:8443/"));
    }

    private static CanonicalAddress canonicalAddress(int publicHttpsPort) {
        return new CanonicalAddress(new FoobarGatewayProperties(
                List.of(new Backend("web-1", URI.create("http://127.0.0.1:8101"))), "www.foobar.com",
                publicHttpsPort, 8080));
    }
}
