package com.foobar.infra.app.topology;

import java.util.List;

import com.foobar.infra.topology.TopologyHeaders;
import com.foobar.infra.topology.TopologyHeadersAutoConfiguration;
import org.jspecify.annotations.Nullable;

import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * A {@link ResponseBodyAdvice} that adds the {@code X-DB-Node} header to every response whose request touched the
 * database, naming the node or nodes that served it, as {@link RequestDatabaseNodeListener} recorded them.
 *
 * <p>It runs just before the body is written, when all of the request's database work is done and the headers can
 * still change. Present only while {@code foobar.topology.headers-enabled} is true (the default).
 */
@ControllerAdvice
@ConditionalOnBooleanProperty(name = TopologyHeadersAutoConfiguration.HEADERS_ENABLED, matchIfMissing = true)
public class DatabaseNodeHeaderAdvice implements ResponseBodyAdvice<Object> {


    @Override
    public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
        return true;
    }

    @Override
    public @Nullable Object beforeBodyWrite(@Nullable Object body, MethodParameter returnType,
            MediaType selectedContentType, Class<? extends HttpMessageConverter<?>> selectedConverterType,
            ServerHttpRequest request, ServerHttpResponse response) {
        if (request instanceof ServletServerHttpRequest servletRequest) {
            List<String> nodes = RequestDatabaseNodeListener.nodesOf(servletRequest.getServletRequest());
            if (!nodes.isEmpty()) {
                response.getHeaders().set(TopologyHeaders.DB_NODE, String.join(", ", nodes));
            }
        }
        return body;
    }
}
