package com.foobar.infra.gateway.access;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class ClientAddressResolverTests {

    @Test
    void shouldIgnoreForwardedHeadersFromClientsWhenNoProxyIsTrusted() {
        ClientAddressResolver resolver = new ClientAddressResolver(new AccessProperties(List.of(), List.of(), List.of()));

        assertThat(resolver.resolve(exchange("203.0.113.9", "10.0.0.1"))).isEqualTo("203.0.113.9");
    }

    @Test
    void shouldTakeRightmostUntrustedAddressBehindTrustedProxies() {
        ClientAddressResolver resolver = new ClientAddressResolver(new AccessProperties(List.of(), List.of(),
                List.of(CidrBlock.of("10.0.0.0/8"))));

        assertThat(resolver.resolve(exchange("10.1.2.3", "198.51.100.1, 203.0.113.9, 10.0.0.7")))
            .isEqualTo("203.0.113.9");
        assertThat(resolver.resolve(exchange("10.1.2.3", "not-an-address"))).isEqualTo("10.1.2.3");
    }

    @Test
    void shouldMatchAddressBlocks() throws Exception {
        assertThat(CidrBlock.of("192.168.0.0/16").contains(InetAddress.getByName("192.168.44.1"))).isTrue();
        assertThat(CidrBlock.of("192.168.0.0/17").contains(InetAddress.getByName("192.168.200.1"))).isFalse();
        assertThat(CidrBlock.of("::1/128").contains(InetAddress.getByName("::1"))).isTrue();
        assertThat(CidrBlock.of("10.0.0.1").contains(InetAddress.getByName("10.0.0.2"))).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> CidrBlock.of("example.com/8"))
            .withMessageContaining("not an IP address block");
        assertThatIllegalArgumentException().isThrownBy(() -> CidrBlock.of("10.0.0.0/33"))
            .withMessageContaining("prefix length outside 0..32");
    }

    private static MockServerWebExchange exchange(String peer, String forwardedFor) {
        return MockServerWebExchange.from(MockServerHttpRequest.get("/")
            .remoteAddress(new InetSocketAddress(peer, 40000))
            .header("X-Forwarded-For", forwardedFor));
    }
}
