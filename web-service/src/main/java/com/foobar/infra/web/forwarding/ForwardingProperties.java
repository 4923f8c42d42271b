package com.foobar.infra.web.forwarding;

import java.util.regex.Pattern;

import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Whose forwarded headers this web server believes, bound from {@code foobar.forwarding.*}.
 *
 * @param trustedProxies the gateway tier's addresses, as a regular expression over the peer's IP address (the syntax
 *     of the application server's {@code server.tomcat.remoteip.internal-proxies}); the default, the launcher's
 *     gateways' {@code 127.0.0.1}, is in {@code application.yml} beside the variable that overrides it
 */
@Validated
@ConfigurationProperties("foobar.forwarding")
public record ForwardingProperties(@NotNull Pattern trustedProxies) {

    /** Whether a connection from this IP address comes from the gateway tier. */
    public boolean isTrusted(String address) {
        return this.trustedProxies.matcher(address).matches();
    }
}
