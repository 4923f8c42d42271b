package com.foobar.infra.app.session;

import java.util.Optional;

import jakarta.servlet.http.Cookie;

import com.foobar.infra.app.ApiTestSupport;
import com.foobar.infra.app.Browser;
import org.junit.jupiter.api.Test;

import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

import static org.assertj.core.api.Assertions.assertThat;

class SessionApiTests extends ApiTestSupport {

    @Test
    void shouldLogInAndSayWhoIsLoggedIn() {
        Browser browser = browser();
        String username = unique("alice");
        browser.register(username);

        MvcTestResult logIn = browser.post("/api/session", Browser.credentials(username));

        assertThat(logIn).hasStatusOk().bodyJson().isStrictlyEqualTo("{\"username\": \"" + username + "\"}");
        assertThat(browser.cookie("SESSION")).isPresent();
        assertThat(browser.get("/api/session")).hasStatusOk().bodyJson()
                .isStrictlyEqualTo("{\"username\": \"" + username + "\"}");
    }

    @Test
    void shouldReplaceTheCsrfTokenAtLogInAndClearItAtLogOut() {
        Browser browser = browser();
        String username = unique("carol");
        browser.register(username);
        browser.get("/api/session");
        String beforeLogIn = browser.cookie("XSRF-TOKEN").orElseThrow();

        assertThat(browser.post("/api/session", Browser.credentials(username))).hasStatusOk();

        String afterLogIn = browser.cookie("XSRF-TOKEN").orElseThrow();
        assertThat(afterLogIn).isNotEqualTo(beforeLogIn);
        assertThat(browser.sendWithCsrfHeader(HttpMethod.POST, "/api/posts", "{\"body\": \"planted\"}", beforeLogIn))
                .hasStatus(HttpStatus.FORBIDDEN);
        assertThat(browser.post("/api/posts", "{\"body\": \"mine\"}")).hasStatus(HttpStatus.CREATED);
        assertThat(browser.delete("/api/session")).hasStatus(HttpStatus.NO_CONTENT);
        assertThat(browser.cookie("XSRF-TOKEN")).isEmpty();
    }

    @Test
    void shouldAnswerWhoIsLoggedInWith401WhenNobodyIs() {
        assertThat(browser().get("/api/session"))
                .hasStatus(HttpStatus.UNAUTHORIZED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"status": 401, "detail": "Log in first.", "instance": "/api/session"}""");
    }

    @Test
    void shouldRefuseAWrongPasswordAnUnknownUserAndImpossibleCredentialsAlike() {
        Browser browser = browser();
        String username = unique("bob");
        browser.register(username);

        MvcTestResult wrongPassword = browser.post("/api/session",
                "{\"username\": \"" + username + "\", \"password\": \"not the password\"}");
        MvcTestResult unknownUser = browser.post("/api/session", Browser.credentials(unique("nobody")));
        MvcTestResult impossible = browser.post("/api/session",
                "{\"username\": \"No Such Name\", \"password\": \"" + "p".repeat(129) + "\"}");

        for (MvcTestResult result : new MvcTestResult[] { wrongPassword, unknownUser, impossible }) {
            assertThat(result).hasStatus(HttpStatus.UNAUTHORIZED).hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .bodyJson().isLenientlyEqualTo("""
                            {"status": 401, "detail": "Wrong username or password."}""");
        }
        assertThat(browser.cookie("SESSION")).isEmpty();
    }

    @Test
    void shouldAskForBothFieldsToLogIn() {
        assertThat(browser().post("/api/session", "{\"username\": \"someone\"}"))
                .hasStatus(HttpStatus.BAD_REQUEST)
                .bodyJson().extractingPath("$.errors[0].field").isEqualTo("password");
    }

    @Test
    void shouldGiveANewSessionIdAtLogIn() {
        Browser browser = browser().registerAndLogIn(unique("carol"));
        String before = browser.cookie("SESSION").orElseThrow();

        String username = unique("erin");
        browser().register(username);
        assertThat(browser.post("/api/session", Browser.credentials(username))).hasStatusOk();

        assertThat(browser.cookie("SESSION")).isPresent().isNotEqualTo(Optional.of(before));
        assertThat(browser.get("/api/session")).bodyJson().extractingPath("$.username").isEqualTo(username);
    }

    @Test
    void shouldLogOut() {
        Browser browser = browser().registerAndLogIn(unique("frank"));
        String session = browser.cookie("SESSION").orElseThrow();

        assertThat(browser.delete("/api/session")).hasStatus(HttpStatus.NO_CONTENT);

        assertThat(browser.cookie("SESSION")).isEmpty();
        assertThat(browser.get("/api/session")).hasStatus(HttpStatus.UNAUTHORIZED);
        // The old id is worth nothing either: the session is gone from the database.
        Browser replay = browser();
        assertThat(replay.perform(MockMvcRequestBuilders.get("/api/session").cookie(new Cookie("SESSION", session))))
                .hasStatus(HttpStatus.UNAUTHORIZED);
    }

    @Test
    void shouldSetAScriptReadableCsrfCookieOnAnyGet() {
        MvcTestResult result = browser().get("/api/posts?limit=1");

        Cookie csrf = result.getResponse().getCookie("XSRF-TOKEN");
        assertThat(csrf).isNotNull();
        assertThat(csrf.isHttpOnly()).isFalse();
        assertThat(csrf.getPath()).isEqualTo("/");
    }

    @Test
    void shouldNotSetTheCsrfCookieAgainWhenTheClientHasIt() {
        Browser browser = browser();
        browser.get("/api/posts?limit=1");

        assertThat(browser.get("/api/posts?limit=1").getResponse().getHeaders("Set-Cookie"))
                .noneMatch((header) -> header.startsWith("XSRF-TOKEN="));
    }

    @Test
    void shouldRefuseAWriteWithTheSessionCookieButNoCsrfToken() {
        Browser browser = browser().registerAndLogIn(unique("grace"));

        assertThat(browser.sendWithCsrfHeader(HttpMethod.POST, "/api/posts", "{\"body\": \"hi\"}", null))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                .bodyJson().isLenientlyEqualTo("""
                        {"status": 403, "instance": "/api/posts", "detail": "Missing or wrong CSRF token: send \
                        the XSRF-TOKEN cookie's value in the X-XSRF-TOKEN header."}""");
    }

    @Test
    void shouldRefuseAWriteWithTheSessionCookieAndAWrongCsrfToken() {
        Browser browser = browser().registerAndLogIn(unique("heidi"));

        assertThat(browser.sendWithCsrfHeader(HttpMethod.DELETE, "/api/session", null, "forged"))
                .hasStatus(HttpStatus.FORBIDDEN)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(browser.get("/api/session")).hasStatusOk();
    }

    @Test
    void shouldNotAskForACsrfTokenWithoutASessionCookie() {
        assertThat(browser().sendWithCsrfHeader(HttpMethod.POST, "/api/posts", "{\"body\": \"a guest\"}", null))
                .hasStatus(HttpStatus.CREATED);
    }

    @Test
    void shouldNotNameTheDatabaseNodeForSessionAccessAlone() {
        Browser browser = browser().registerAndLogIn(unique("ivan"));

        assertThat(browser.get("/api/session")).hasStatusOk().doesNotContainHeader("X-DB-Node");
    }
}
