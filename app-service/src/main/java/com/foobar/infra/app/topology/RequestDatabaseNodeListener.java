package com.foobar.infra.app.topology;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import jakarta.servlet.ServletRequest;
import org.jspecify.annotations.Nullable;

import com.foobar.infra.router.routing.DatabaseNodeListener;
import com.foobar.infra.topology.TopologyHeadersAutoConfiguration;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * A {@link DatabaseNodeListener} that remembers, in a request attribute, each database node that served the
 * current request, in the order they were first used.
 *
 * <p>Connections taken outside a request (start-up, Flyway) are not recorded anywhere.
 */
@Component
@ConditionalOnBooleanProperty(name = TopologyHeadersAutoConfiguration.HEADERS_ENABLED, matchIfMissing = true)
public class RequestDatabaseNodeListener implements DatabaseNodeListener {

    private static final String ATTRIBUTE = RequestDatabaseNodeListener.class.getName() + ".nodes";

    @Override
    public void connectionObtained(String nodeName) {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return;
        }
        Set<String> nodes = nodes(request.getAttribute(ATTRIBUTE, RequestAttributes.SCOPE_REQUEST));
        if (nodes == null) {
            nodes = new LinkedHashSet<>();
            request.setAttribute(ATTRIBUTE, nodes, RequestAttributes.SCOPE_REQUEST);
        }
        nodes.add(nodeName);
    }

    /**
     * Returns the database nodes that have served a request so far.
     * @param request the request
     * @return the nodes' names in the order first used, empty when the request has not touched the database
     */
    public static List<String> nodesOf(ServletRequest request) {
        Set<String> nodes = nodes(request.getAttribute(ATTRIBUTE));
        return (nodes != null) ? List.copyOf(nodes) : List.of();
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Set<String> nodes(@Nullable Object attribute) {
        // Only this class writes the attribute, always as a set of names.
        return (Set<String>) attribute;
    }
}
