package com.foobar.infra.web.site;

import java.io.IOException;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import reactor.core.publisher.Mono;

import org.springframework.core.io.Resource;
import org.springframework.util.StringUtils;
import org.springframework.web.reactive.resource.AbstractResourceResolver;
import org.springframework.web.reactive.resource.ResourceResolverChain;
import org.springframework.web.server.ServerWebExchange;

/**
 * A resource resolver that answers with the precompressed variant of a file that the client accepts, brotli before
 * gzip, as nginx's {@code brotli_static} and {@code gzip_static} do.
 *
 * <p>Spring's {@code EncodedResourceResolver} takes the codings in the order the client lists them, and browsers list
 * {@code gzip} before {@code br}, so they would never get the smaller brotli file; it also reads {@code gzip;q=0} as
 * accepting gzip. Here the server's order decides, and a coding with {@code q=0} is refused, as RFC 9110 says.
 */
final class PrecompressedResourceResolver extends AbstractResourceResolver {

    private static final List<ContentCoding> PREFERENCE = List.of(new ContentCoding("br", ".br"),
            new ContentCoding("gzip", ".gz"));

    @Override
    protected Mono<Resource> resolveResourceInternal(@Nullable ServerWebExchange exchange, String requestPath,
            List<? extends Resource> locations, ResourceResolverChain chain) {
        Mono<Resource> resource = chain.resolveResource(exchange, requestPath, locations);
        if (exchange == null) {
            return resource;
        }
        String acceptEncoding = exchange.getRequest().getHeaders().getFirst("Accept-Encoding");
        return resource.map(file -> preferredVariant(file, acceptEncoding));
    }

    @Override
    protected Mono<String> resolveUrlPathInternal(String resourceUrlPath, List<? extends Resource> locations,
            ResourceResolverChain chain) {
        return chain.resolveUrlPath(resourceUrlPath, locations);
    }

    private Resource preferredVariant(Resource file, @Nullable String acceptEncoding) {
        if (!StringUtils.hasText(acceptEncoding) || file.getFilename() == null) {
            return file;
        }
        for (ContentCoding coding : PREFERENCE) {
            if (coding.isAcceptedBy(acceptEncoding)) {
                try {
                    Resource variant = file.createRelative(file.getFilename() + coding.extension());
                    if (variant.exists()) {
                        return new PrecompressedResource(file, variant, coding.name());
                    }
                }
                catch (IOException ex) {
                    logger.trace("No " + coding.name() + " variant of " + file, ex);
                }
            }
        }
        return file;
    }

    private record ContentCoding(String name, String extension) {

        /** Whether the header lists this coding, or else {@code *}, with a quality above zero. */
        boolean isAcceptedBy(String acceptEncoding) {
            double named = -1;
            double wildcard = -1;
            for (String entry : StringUtils.tokenizeToStringArray(acceptEncoding.toLowerCase(Locale.ROOT), ",")) {
                String[] parts = StringUtils.tokenizeToStringArray(entry, ";");
                if (parts.length > 0 && parts[0].equals(this.name)) {
                    named = quality(parts);
                }
                else if (parts.length > 0 && parts[0].equals("*")) {
                    wildcard = quality(parts);
                }
            }
            return (named >= 0 ? named : wildcard) > 0;
        }

        // A malformed quality counts as a refusal: the plain file is always a safe answer.
        private static double quality(String[] parts) {
            if (parts.length == 1) {
                return 1;
            }
            String parameter = parts[1].replace(" ", "");
            try {
                return parameter.startsWith("q=") ? Double.parseDouble(parameter.substring(2)) : 0;
            }
            catch (NumberFormatException ex) {
                return 0;
            }
        }
    }
}
