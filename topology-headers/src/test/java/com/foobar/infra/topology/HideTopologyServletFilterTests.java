package com.foobar.infra.topology;

import jakarta.servlet.http.HttpServletResponse;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpHeaders;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

import static org.assertj.core.api.Assertions.assertThat;

class HideTopologyServletFilterTests {

    @Test
    void shouldDropTopologyHeadersWrittenDownstream() throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();

        new HideTopologyServletFilter().doFilter(new MockHttpServletRequest("GET", "/api/posts"), response,
                (request, downstream) -> {
                    HttpServletResponse http = (HttpServletResponse) downstream;
                    http.setHeader(TopologyHeaders.SERVED_BY, "app-2");
                    http.addHeader("x-db-node", "db-primary");
                    http.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
                });

        assertThat(response.containsHeader(TopologyHeaders.SERVED_BY)).isFalse();
        assertThat(response.containsHeader(TopologyHeaders.DB_NODE)).isFalse();
        assertThat(response.getHeader(HttpHeaders.CACHE_CONTROL)).isEqualTo("no-store");
    }
}
