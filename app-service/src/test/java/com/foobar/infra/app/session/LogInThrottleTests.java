package com.foobar.infra.app.session;

import com.foobar.infra.app.ApiTestSupport;
import com.foobar.infra.app.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Failed log-ins are throttled per account and per client address: past the limit a log-in is a {@code 429} with
 * {@code Retry-After}, even with the right password, so guessing passwords by the thousand no longer works. Each
 * test logs in from its own client address, as RemoteIpValve would report it.
 */
class LogInThrottleTests extends ApiTestSupport {

    @Test
    void shouldRefuseAnAccountAfterFiveFailuresEvenWithTheRightPassword() {
        String username = unique("mallory-target");
        assertThat(logIn(username, Browser.PASSWORD, "10.18.0.1", "/api/users")).hasStatus(HttpStatus.CREATED);
        for (int i = 0; i < 5; i++) {
            assertThat(logIn(username, "wrong-" + i, "10.18.0." + (10 + i))).hasStatus(HttpStatus.UNAUTHORIZED);
        }

        MvcTestResult refused = logIn(username, Browser.PASSWORD, "10.18.0.99");

        assertThat(refused).hasStatus(HttpStatus.TOO_MANY_REQUESTS).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
            .hasHeader("Retry-After", "60");
        assertThat(refused).bodyJson().extractingPath("$.detail")
            .isEqualTo("Too many failed log-ins; try again in 60 seconds.");
    }

    @Test
    void shouldRefuseAnAddressAfterTwentyFailuresWhateverTheUsernames() {
        for (int i = 0; i < 20; i++) {
            assertThat(logIn(unique("nobody"), "wrong", "10.18.1.1")).hasStatus(HttpStatus.UNAUTHORIZED);
        }

        assertThat(logIn(unique("nobody"), "wrong", "10.18.1.1")).hasStatus(HttpStatus.TOO_MANY_REQUESTS)
            .hasHeader("Retry-After", "60");
        assertThat(logIn(unique("nobody"), "wrong", "10.18.1.2")).hasStatus(HttpStatus.UNAUTHORIZED);
    }

    private MvcTestResult logIn(String username, String password, String address) {
        return logIn(username, password, address, "/api/session");
    }

    private MvcTestResult logIn(String username, String password, String address, String uri) {
        return browser().perform(MockMvcRequestBuilders.post(uri)
            .contentType(MediaType.APPLICATION_JSON)
            .content("{\"username\": \"" + username + "\", \"password\": \"" + password + "\"}")
            .with((request) -> {
                request.setRemoteAddr(address);
                return request;
            }));
    }
}
