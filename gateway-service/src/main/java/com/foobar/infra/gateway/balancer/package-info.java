/**
 * Round robin over the configured web servers through Spring Cloud LoadBalancer.
 */
@NullMarked
package com.foobar.infra.gateway.balancer;

import org.jspecify.annotations.NullMarked;
