package com.foobar.infra.app.session;

import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;

import com.foobar.infra.app.Browser;
import com.foobar.infra.app.ServerTestSupport;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The session and CSRF cookies as the servlet container writes them at log-in.
 */
class SessionCookieTests extends ServerTestSupport {

    @Test
    void shouldSetAnHttpOnlySecureLaxSessionCookieAndAScriptReadableCsrfCookie() throws Exception {
        String username = "cookie-" + Long.toString(System.nanoTime() % 1_000_000, 36);
        send(json("/api/users").POST(BodyPublishers.ofString(Browser.credentials(username))));

        HttpResponse<String> logIn = send(json("/api/session").POST(BodyPublishers.ofString(
                Browser.credentials(username))));

        assertThat(logIn.statusCode()).isEqualTo(200);
        assertThat(logIn.headers().allValues("Set-Cookie"))
                .anySatisfy((cookie) -> assertThat(cookie).startsWith("SESSION=")
                        .contains("; Path=/").contains("; Secure").contains("; HttpOnly").contains("; SameSite=Lax"))
                .anySatisfy((cookie) -> assertThat(cookie).startsWith("XSRF-TOKEN=")
                        .contains("; Path=/").contains("; Secure").contains("; SameSite=Lax")
                        .doesNotContain("HttpOnly"));
    }
}
