package com.foobar.infra.gateway.routing;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's pooled connections to the web servers must go idle for less time than the web servers keep an idle
 * connection open; otherwise the gateway sometimes sends a request on a connection the web server is closing, and
 * the client gets a {@code 502} from a {@code PrematureCloseException}.
 */
class ConnectionPoolSettingsTests {

    @Test
    void shouldLetPooledConnectionsIdleLessThanTheWebServersKeepThem() throws IOException {
        Duration poolIdle = duration(Path.of("src/main/resources/application.yml"),
                "spring.cloud.gateway.server.webflux.httpclient.pool.max-idle-time");
        Duration webKeepAlive = duration(Path.of("../web-service/src/main/resources/application.yml"),
                "server.netty.idle-timeout");

        assertThat(poolIdle).isPositive().isLessThan(webKeepAlive);
    }

    private static Duration duration(Path file, String property) throws IOException {
        var sources = new YamlPropertySourceLoader().load(file.toString(), new FileSystemResource(file));
        return new Binder(ConfigurationPropertySources.from(sources)).bind(property, Duration.class)
            .orElseThrow(() -> new AssertionError(property + " is not set in " + file));
    }
}
