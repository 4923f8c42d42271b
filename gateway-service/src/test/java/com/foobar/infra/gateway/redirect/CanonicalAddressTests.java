package com.foobar.infra.gateway.redirect;

import java.net.URI;

import com.foobar.infra.gateway.FoobarGatewayProperties;
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
        return new CanonicalAddress(new FoobarGatewayProperties("www.foobar.com", publicHttpsPort, 8080, true));
    }
}
