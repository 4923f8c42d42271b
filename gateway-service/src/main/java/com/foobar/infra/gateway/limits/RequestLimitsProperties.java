package com.foobar.infra.gateway.limits;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Request size limits, bound from {@code foobar.gateway.request-limits.*}: nginx's
 * {@code client_max_body_size} and {@code large_client_header_buffers}.
 *
 * <p>The gateway is the edge, so it refuses first, with a problem detail: each limit is at most what the web and
 * application tiers accept (the values in application.yml, checked by {@code RequestLimitsOrderTests}).
 *
 * @param maxBodySize the largest request body passed on; larger ones get {@code 413}
 * @param maxHeaderSize the largest total size of the request's header fields (names and values); larger get
 *     {@code 431}. Keep it below {@code server.max-http-request-header-size}, where the HTTP decoder itself stops.
 * @param maxUriSize the longest request target (path and query); longer ones get {@code 414}. Keep it below
 *     {@code server.netty.max-initial-line-length}, where the HTTP decoder itself stops.
 */
@ConfigurationProperties("foobar.gateway.request-limits")
public record RequestLimitsProperties(@DefaultValue("1MB") DataSize maxBodySize,
        @DefaultValue("16KB") DataSize maxHeaderSize, @DefaultValue("4KB") DataSize maxUriSize) {
}
