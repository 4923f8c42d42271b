package com.foobar.infra.problem;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerCodecConfigurer;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;
import org.springframework.mock.web.server.MockServerWebExchange;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class ProblemDetailWebExceptionHandlerTests {

    private static final String BROWSER_ACCEPT = "text/html,application/xhtml+xml,*/*;q=0.8";

    private final ProblemDetailWebExceptionHandler webHandler = handler(
            new ProblemResponsesProperties("application server", "web server", true));

    private final ProblemDetailWebExceptionHandler gatewayHandler = handler(
            new ProblemResponsesProperties("web server", "gateway", false));

    @Test
    void shouldAnswerErrorResponseWithItsStatusBodyAndHeaders() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.delete("/api/posts"));

        this.webHandler.handle(exchange, new MethodNotAllowedException(HttpMethod.DELETE, Set.of(HttpMethod.GET)))
                .block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.METHOD_NOT_ALLOWED);
        assertThat(exchange.getResponse().getHeaders().getAllow()).containsExactly(HttpMethod.GET);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(body(exchange)).contains("\"status\":405", "\"instance\":\"/api/posts\"");
    }

    @Test
    void shouldAnswerServiceUnavailableWhenLoadBalancerHasNoInstance() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/about"));
        // What Spring Cloud Gateway's NotFoundException is when no web server is configured or left.
        ResponseStatusException noInstance = new ResponseStatusException(HttpStatus.SERVICE_UNAVAILABLE,
                "Unable to find instance for web-service");

        this.gatewayHandler.handle(exchange, noInstance).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
        assertThat(body(exchange)).contains("\"status\":503", "\"instance\":\"/about\"")
            .contains("is not available; try again shortly.")
            .doesNotContain("web-service");
    }

    @Test
    void shouldAnswerBadGatewayWhenUpstreamRefusesConnection() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/api/posts"));

        this.webHandler.handle(exchange,
                new IOException("wrapped", new ConnectException("Connection refused: /127.0.0.1:8201"))).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.BAD_GATEWAY);
        assertThat(body(exchange)).contains("\"status\":502",
                "\"detail\":\"The application server refused the connection or closed it without answering.\"")
                .doesNotContain("127.0.0.1", "Exception");
    }

    @Test
    void shouldNameConfiguredUpstreamWhenConnectionIsRefused() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/"));

        this.gatewayHandler.handle(exchange, new ConnectException("Connection refused")).block();

        assertThat(body(exchange)).contains("\"detail\":\"The web server refused the connection or closed it without answering.\"");
    }

    @Test
    void shouldAnswerGatewayTimeoutWhenUpstreamDoesNotAnswer() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/"));

        this.gatewayHandler.handle(exchange, new IllegalStateException(new TimeoutException("30 s"))).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.GATEWAY_TIMEOUT);
        assertThat(body(exchange)).contains("\"status\":504",
                "\"detail\":\"The web server did not answer in time.\"");
    }

    @Test
    void shouldAnswerUnexpectedErrorWithGenericServerErrorAndNoDetails() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/api/posts"));

        this.webHandler.handle(exchange, new IllegalStateException("pool exhausted at 10.0.0.5")).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
        assertThat(body(exchange)).contains("\"status\":500",
                "\"detail\":\"The web server could not complete the request.\"")
                .doesNotContain("pool exhausted", "10.0.0.5", "trace", "Exception");
    }

    @Test
    void shouldNameThisTierInServerError() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/"));

        this.gatewayHandler.handle(exchange, new IllegalStateException("boom")).block();

        assertThat(body(exchange)).contains("\"detail\":\"The gateway could not complete the request.\"");
    }

    @Test
    void shouldKeepRawPathAsInstance() {
        MockServerWebExchange exchange = exchange(
                MockServerHttpRequest.method(HttpMethod.GET, URI.create("/no%20such/page?x=1")));

        this.gatewayHandler.handle(exchange, new ResponseStatusException(HttpStatus.NOT_FOUND)).block();

        assertThat(body(exchange)).contains("\"instance\":\"/no%20such/page\"");
    }

    @Test
    void shouldPassBrowserPageRequestOnWhenHtmlErrorPagesAreEnabled() {
        MockServerWebExchange exchange = exchange(
                MockServerHttpRequest.get("/no-such-page").header("Accept", BROWSER_ACCEPT));
        ResponseStatusException notFound = new ResponseStatusException(HttpStatus.NOT_FOUND);

        Mono<Void> result = this.webHandler.handle(exchange, notFound);

        assertThatExceptionOfType(ResponseStatusException.class).isThrownBy(result::block).isSameAs(notFound);
        assertThat(exchange.getResponse().getStatusCode()).isNull();
    }

    @Test
    void shouldAnswerBrowserPageRequestWhenHtmlErrorPagesAreDisabled() {
        MockServerWebExchange exchange = exchange(
                MockServerHttpRequest.get("/no-such-page").header("Accept", BROWSER_ACCEPT));

        this.gatewayHandler.handle(exchange, new ResponseStatusException(HttpStatus.NOT_FOUND)).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldAnswerApiRequestFromBrowserWithProblemDetail() {
        MockServerWebExchange exchange = exchange(
                MockServerHttpRequest.get("/api/posts/99").header("Accept", BROWSER_ACCEPT));

        this.webHandler.handle(exchange, new ResponseStatusException(HttpStatus.NOT_FOUND)).block();

        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldAnswerRequestWithInvalidAcceptHeaderWithProblemDetail() {
        MockServerWebExchange exchange = exchange(
                MockServerHttpRequest.get("/no-such-page").header("Accept", "text/html;;=broken"));

        this.webHandler.handle(exchange, new ResponseStatusException(HttpStatus.NOT_FOUND)).block();

        assertThat(exchange.getResponse().getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
        assertThat(exchange.getResponse().getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void shouldPassErrorOnWhenResponseIsCommitted() {
        MockServerWebExchange exchange = exchange(MockServerHttpRequest.get("/api/posts"));
        exchange.getResponse().setComplete().block();
        IllegalStateException failure = new IllegalStateException("late");

        Mono<Void> result = this.gatewayHandler.handle(exchange, failure);

        assertThatExceptionOfType(IllegalStateException.class).isThrownBy(result::block).isSameAs(failure);
    }

    private static ProblemDetailWebExceptionHandler handler(ProblemResponsesProperties properties) {
        return new ProblemDetailWebExceptionHandler(ServerCodecConfigurer.create(), properties);
    }

    private static MockServerWebExchange exchange(MockServerHttpRequest.BaseBuilder<?> request) {
        return MockServerWebExchange.from(request);
    }

    private static String body(MockServerWebExchange exchange) {
        return exchange.getResponse().getBodyAsString().block();
    }
}
