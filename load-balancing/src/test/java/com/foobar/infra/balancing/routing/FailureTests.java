package com.foobar.infra.balancing.routing;

import java.io.IOException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;

import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

import static org.assertj.core.api.Assertions.assertThat;

class FailureTests {

    @Test
    void shouldTakeAResetConnectionForOneClosedBeforeTheResponse() {
        assertThat(Failure.of(new IOException("recvAddress(..) failed: Connection reset by peer")))
            .isEqualTo(Failure.CLOSED);
    }

    @Test
    void shouldPreferARefusedConnectionToTheIoErrorWrappingIt() {
        assertThat(Failure.of(new IOException("failed", new ConnectException("Connection refused"))))
            .isEqualTo(Failure.CONNECT);
    }

    @Test
    void shouldKeepTimeoutsAndClientErrorsApart() {
        assertThat(Failure.of(new ResponseStatusException(HttpStatus.GATEWAY_TIMEOUT))).isEqualTo(Failure.TIMEOUT);
        assertThat(Failure.of(new TimeoutException())).isEqualTo(Failure.TIMEOUT);
        assertThat(Failure.of(new ResponseStatusException(HttpStatus.PAYLOAD_TOO_LARGE))).isEqualTo(Failure.CLIENT);
        assertThat(Failure.of(new IllegalStateException())).isEqualTo(Failure.OTHER);
    }
}
