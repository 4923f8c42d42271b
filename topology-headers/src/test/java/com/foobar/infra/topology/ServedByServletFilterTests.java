package com.foobar.infra.topology;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class ServedByServletFilterTests {

    private final ServedByServletFilter filter = new ServedByServletFilter("app-2");

    private final MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/posts");

    private final MockHttpServletResponse response = new MockHttpServletResponse();

    @Test
    void shouldNameThisNodeBeforeTheResponseCommits() throws Exception {
        this.filter.doFilter(this.request, this.response, (request, response) -> response.flushBuffer());

        assertThat(this.response.getHeaders(TopologyHeaders.SERVED_BY)).containsExactly("app-2");
    }

    @Test
    void shouldPrependThisNodeToServedByWrittenDownstream() throws Exception {
        this.filter.doFilter(this.request, this.response,
                (request, response) -> ((HttpServletResponse) response)
                        .addHeader(TopologyHeaders.SERVED_BY, "db-proxy-1"));

        assertThat(this.response.getHeaders(TopologyHeaders.SERVED_BY)).containsExactly("app-2, db-proxy-1");
    }
}
