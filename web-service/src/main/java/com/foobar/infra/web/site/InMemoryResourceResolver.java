package com.foobar.infra.web.site;

import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.Resource;
import org.springframework.web.reactive.resource.AbstractResourceResolver;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;

/**
 * The last resource resolver of the site's chain: it answers from the files {@link StaticSiteFiles} read into memory
 * at start-up, instead of Spring's {@code PathResourceResolver}, which looks each request's file up in the jar on a
 * worker thread and reads it from there, inflating it every time.
 *
 * <p>A path that is not one of the site's files resolves to nothing (a 404), as the site cannot change while the
 * server runs. The request path was already checked for traversal by the resource handler, and only exact names of
 * the site's files are ever found here.
 */
final class InMemoryResourceResolver extends AbstractResourceResolver {

    private final StaticSiteFiles files;

    // A location's URL costs a class-path lookup each time it is asked for, so it is asked once per location.
    private final Map<Resource, String> locationUrls = new ConcurrentHashMap<>();

    InMemoryResourceResolver(StaticSiteFiles files) {
        this.files = files;
    }

    @Override
    protected Mono<Resource> resolveResourceInternal(@Nullable ServerWebExchange exchange, String requestPath,
            List<? extends Resource> locations, ResourceResolverChain chain) {
        for (Resource location : locations) {
            Resource file = this.files.inMemory(locationUrl(location) + requestPath);
            if (file != null) {
                return Mono.just(file);
            }
        }
        return Mono.empty();
    }

    @Override
    protected Mono<String> resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
            ResourceResolverChain chain) {
        return resolveResourceInternal(null, resourceUrlPath, locations, chain).map((file) -> resourceUrlPath);
    }

    private String locationUrl(Resource location) {
        return this.locationUrls.computeIfAbsent(location, (key) -> {
            try {
                String url = key.getURL().toString();
                return url.endsWith("/") ? url : url + "/";
            }
            catch (IOException ex) {
                // A location that does not exist holds no file: its key matches nothing.
                return "missing:" + key.getDescription() + "/";
            }
        });
    }
}
