package com.foobar.infra.app;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.foobar.infra.app.board.BoardProperties;
import com.foobar.infra.router.config.ReplicationRouterProperties;
import com.foobar.infra.router.config.ReplicationRouterProperties.Node;
import org.junit.jupiter.api.Test;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.util.unit.DataSize;

import static org.assertj.core.api.Assertions.assertThat;

class ApplicationConfigurationTests {

    private final Binder binder = binder();

    @Test
    void shouldDefaultToTheLocalTopology() {
        ReplicationRouterProperties datasource = this.binder
                .bind("foobar.datasource", ReplicationRouterProperties.class).get();

        assertThat(datasource.username()).isEqualTo("foobar");
        assertThat(datasource.password()).isNull();
        assertThat(datasource.primary().name()).isEqualTo("db-primary");
        assertThat(datasource.primary().url()).isEqualTo("jdbc:mysql://127.0.0.1:13306/foobar?sslMode=DISABLED");
        assertThat(datasource.replicas()).containsExactly(
                new Node("db-replica-1", "jdbc:mysql://127.0.0.1:13307/foobar?sslMode=DISABLED", 1),
                new Node("db-replica-2", "jdbc:mysql://127.0.0.1:13308/foobar?sslMode=DISABLED", 1));
    }

    @Test
    void shouldSetTheConnectorPropertiesMariaDbNeedsAndTheFastPathOnes() {
        ReplicationRouterProperties datasource = this.binder
                .bind("foobar.datasource", ReplicationRouterProperties.class).get();

        assertThat(datasource.connectionProperties()).containsOnly(
                Map.entry("connectionTimeZone", "UTC"),
                Map.entry("forceConnectionTimeZoneToSession", "true"),
                Map.entry("useInformationSchema", "false"),
                Map.entry("openTelemetry", "DISABLED"),
                Map.entry("cachePrepStmts", "true"));
    }

    @Test
    void shouldDefaultToTheLocalPortsAndNodeName() {
        assertThat(this.binder.bind("server.port", Integer.class).get()).isEqualTo(8201);
        assertThat(this.binder.bind("management.server.port", Integer.class).get()).isEqualTo(8251);
        assertThat(this.binder.bind("foobar.topology.node-name", String.class).get()).isEqualTo("app-1");
        assertThat(this.binder.bind("foobar.topology.headers-enabled", Boolean.class).get()).isTrue();
    }

    @Test
    void shouldAllowGuestPostsAndBodiesUpTo64KiBByDefault() {
        BoardProperties board = this.binder.bindOrCreate("foobar.board", BoardProperties.class);

        assertThat(board.guestPosts()).isTrue();
        assertThat(board.maxRequestSize()).isEqualTo(DataSize.ofKilobytes(64));
    }

    @Test
    void shouldBoundSlowClientsWithoutShorteningTheWebTiersKeepAlive() {
        assertThat(this.binder.bind("server.tomcat.connection-timeout", Duration.class).get())
                .isEqualTo(Duration.ofSeconds(10));
        assertThat(this.binder.bind("server.tomcat.keep-alive-timeout", Duration.class).get())
                .isEqualTo(Duration.ofSeconds(60));
    }

    @Test
    void shouldLetFlywayOwnTheSessionTables() {
        assertThat(this.binder.bind("spring.session.jdbc.initialize-schema", String.class).get()).isEqualTo("never");
    }

    private static Binder binder() {
        try {
            List<PropertySource<?>> sources = new YamlPropertySourceLoader().load("application.yml",
                    new ClassPathResource("application.yml"));
            return new Binder(ConfigurationPropertySources.from(sources),
                    new PropertySourcesPlaceholdersResolver(sources));
        }
        catch (IOException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
