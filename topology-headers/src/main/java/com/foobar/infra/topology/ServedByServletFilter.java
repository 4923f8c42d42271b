package com.foobar.infra.topology;

import java.io.IOException;
import java.util.List;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import org.springframework.core.Ordered;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A servlet filter that puts this node's name in front of the {@code X-Served-By} header of every response.
 *
 * <p>The header is set before the rest of the chain runs, because a servlet response may commit at any time; a value
 * written further down the chain is kept behind this node's name.
 */
public class ServedByServletFilter extends OncePerRequestFilter implements Ordered {

    private final String nodeName;

    public ServedByServletFilter(String nodeName) {
        this.nodeName = nodeName;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        response.setHeader(TopologyHeaders.SERVED_BY, this.nodeName);
        chain.doFilter(request, new ServedByResponse(response));
    }

    private final class ServedByResponse extends HttpServletResponseWrapper {

        ServedByResponse(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setHeader(String name, String value) {
            super.setHeader(name, servedByOrSame(name, value));
        }

        @Override
        public void addHeader(String name, String value) {
            if (TopologyHeaders.SERVED_BY.equalsIgnoreCase(name)) {
                setHeader(name, value);
            }
            else {
                super.addHeader(name, value);
            }
        }

        private String servedByOrSame(String name, String value) {
            if (TopologyHeaders.SERVED_BY.equalsIgnoreCase(name)) {
                return TopologyHeaders.servedBy(ServedByServletFilter.this.nodeName, List.of(value));
            }
            return value;
        }
    }
}
