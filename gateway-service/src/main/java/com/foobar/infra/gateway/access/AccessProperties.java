package com.foobar.infra.gateway.access;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may use the site and whose forwarded headers are believed, bound from {@code foobar.gateway.access.*}.
 *
 * @param allow client address blocks allowed in; empty allows everyone not denied
 * @param deny client address blocks refused with {@code 403}, checked before {@code allow}
 * @param trustedProxies address blocks of proxies in front of the gateway (a cloud load balancer) whose
 *     {@code X-Forwarded-For} names the real client; empty, the default, believes no one, so a client cannot choose
 *     the address that rate limits and access rules see
 */
@ConfigurationProperties("foobar.gateway.access")
public record AccessProperties(@DefaultValue List<CidrBlock> allow, @DefaultValue List<CidrBlock> deny,
        @DefaultValue List<CidrBlock> trustedProxies) {
}
