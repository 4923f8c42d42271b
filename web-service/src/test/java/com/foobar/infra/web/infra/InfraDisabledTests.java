package com.foobar.infra.web.infra;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.context.ActiveProfiles;

import static org.assertj.core.api.Assertions.assertThat;

/** Where the infrastructure view must not exist: no nodes configured, disabled, or the production profile. */
class InfraDisabledTests {

    private static final String NODE = "foobar.infra.nodes[0].name=gateway-1";

    private static final String ROLE = "foobar.infra.nodes[0].role=gateway";

    private static final String MANAGEMENT = "foobar.infra.nodes[0].management=http://127.0.0.1:9";

    /** The test each case runs: every path of the view 404, and no collector polling anything. */
    abstract static class NotFound {

        @LocalServerPort
        int port;

        @Autowired
        ApplicationContext context;

        @Test
        void shouldAnswerNotFoundAndPollNothing() throws Exception {
            HttpClient client = HttpClient.newHttpClient();
            for (String path : new String[] { "/infra", "/infra/", "/infra.html", "/infra.html.gz", "/infra.html.br",
                    "/infra/topology" }) {
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
                    .header("Accept", "application/json")
                    .build();
                assertThat(client.send(request, BodyHandlers.ofString()).statusCode()).as(path).isEqualTo(404);
            }
            assertThat(this.context.getBeanNamesForType(TopologyCollector.class)).isEmpty();
        }

    }

    @Nested
    @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = "management.server.port=0")
    class WithoutNodes extends NotFound {

    }

    @Nested
    @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
            properties = { "management.server.port=0", NODE, ROLE, MANAGEMENT })
    @ActiveProfiles("production")
    class InProductionEvenWithNodes extends NotFound {

    }

    @Nested
    @SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT,
            properties = { "management.server.port=0", NODE, ROLE, MANAGEMENT, "foobar.infra.enabled=false" })
    class DisabledEvenWithNodes extends NotFound {

    }

}
