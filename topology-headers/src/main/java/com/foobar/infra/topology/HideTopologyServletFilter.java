package com.foobar.infra.topology;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A servlet filter that keeps every {@link TopologyHeaders topology header} out of responses.
 *
 * <p>A servlet response cannot take a header back once written, so the filter runs first and drops the writes
 * made further down the chain.
 */
public class HideTopologyServletFilter extends OncePerRequestFilter implements Ordered {

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        chain.doFilter(request, new TopologyHidingResponse(response));
    }

    private static boolean isTopologyHeader(String name) {
        return TopologyHeaders.ALL.stream().anyMatch(name::equalsIgnoreCase);
    }

    private static final class TopologyHidingResponse extends HttpServletResponseWrapper {

        TopologyHidingResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            if (!isTopologyHeader(name)) {
                super.setHeader(name, value);
            }
        }

        @Override
        public void addHeader(String name, String value) {
            if (!isTopologyHeader(name)) {
                super.addHeader(name, value);
            }
        }
    }
}
