package com.foobar.infra.gateway.limits;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.FileSystemResource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Limits decrease from the edge inwards, so the gateway refuses first, with its problem details, and a refusal
 * never comes from a tier behind it: request target, header fields and body, as each tier's application.yml sets
 * them.
 */
class RequestLimitsOrderTests {

    private final RequestLimitsProperties gateway = binder("gateway-service")
        .bind("foobar.gateway.request-limits", RequestLimitsProperties.class).get();

    private final Binder web = binder("web-service");

    private final Binder app = binder("app-service");

    @Test
    void shouldRefuseLongTargetsAtTheGatewayFirst() {
        // The web tier counts the whole request line: method, target, version and spaces.
        DataSize webLine = size(this.web, "server.netty.max-initial-line-length");
        assertThat(this.gateway.maxUriSize().toBytes() + "OPTIONS  HTTP/1.1".length())
            .isLessThanOrEqualTo(webLine.toBytes());
        assertThat(webLine.toBytes()).isLessThanOrEqualTo(size(this.app, "server.max-http-request-header-size")
            .toBytes());
    }

    @Test
    void shouldRefuseLargeHeadersAtTheGatewayFirst() {
        DataSize webHeaders = size(this.web, "server.max-http-request-header-size");
        // Room for what the gateway adds on the way: forwarded and tracing headers.
        assertThat(this.gateway.maxHeaderSize().toBytes() + 2048).isLessThanOrEqualTo(webHeaders.toBytes());
        // Tomcat counts the request line with the headers.
        assertThat(webHeaders.toBytes() + size(this.web, "server.netty.max-initial-line-length").toBytes())
            .isLessThanOrEqualTo(size(this.app, "server.max-http-request-header-size").toBytes());
    }

    @Test
    void shouldRefuseLargeBodiesAtTheGatewayFirst() {
        assertThat(this.gateway.maxBodySize().toBytes())
            .isLessThanOrEqualTo(size(this.app, "foobar.board.max-request-size").toBytes());
    }

    private static DataSize size(Binder binder, String name) {
        return binder.bind(name, DataSize.class).get();
    }

    private static Binder binder(String module) {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(module, new FileSystemResource(
                    Path.of("..", module, "src", "main", "resources", "application.yml")));
            StandardEnvironment environment = new StandardEnvironment();
            sources.forEach(environment.getPropertySources()::addLast);
            return Binder.get(environment);
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
