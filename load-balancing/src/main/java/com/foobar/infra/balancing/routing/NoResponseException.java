package com.foobar.infra.balancing.routing;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/**
 * A backend closed the connection after the request was sent, without a response: a {@code 502} for the client.
 *
 * <p>Spring Cloud Gateway's routing filter completes without an error in that case (and the client would get an empty
 * {@code 200}), so {@link LoadBalancingGatewayFilter} checks for a response and raises this one when there is none.
 */
class NoResponseException extends ResponseStatusException {

    NoResponseException(String backend) {
        super(HttpStatus.BAD_GATEWAY, "Backend " + backend + " closed the connection without a response");
    }
}
