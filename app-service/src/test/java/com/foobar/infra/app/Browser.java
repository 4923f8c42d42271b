package com.foobar.infra.app;

import java.io.UnsupportedEncodingException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import org.jspecify.annotations.Nullable;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A client of the API that behaves like the board's page in a browser: it keeps the cookies the API sets (the
 * session, the CSRF token, the read-your-writes position) and sends them back, and it copies the CSRF cookie into
 * the {@code X-XSRF-TOKEN} header of every request, as the page's one request helper does.
 */
public final class Browser {

    public static final String PASSWORD = "correct horse battery";

    private final MockMvcTester mvc;

    private final Map<String, Cookie> cookies = new LinkedHashMap<>();

    public Browser(MockMvcTester mvc) {
        this.mvc = mvc;
    }

    public MvcTestResult get(String uri) {
        return send(HttpMethod.GET, uri, null);
    }

    public MvcTestResult post(String uri, String json) {
        return send(HttpMethod.POST, uri, json);
    }

    public MvcTestResult put(String uri, String json) {
        return send(HttpMethod.PUT, uri, json);
    }

    public MvcTestResult delete(String uri) {
        return send(HttpMethod.DELETE, uri, null);
    }

    /** A request with a JSON body (if any) and the CSRF header from the cookie (if any). */
    public MvcTestResult send(HttpMethod method, String uri, @Nullable String json) {
        MockHttpServletRequestBuilder request = request(method, uri, json);
        cookie("XSRF-TOKEN").ifPresent((token) -> request.header("X-XSRF-TOKEN", token));
        return perform(request);
    }

    /** A request as {@link #send} makes it, but whose CSRF header (if any) the caller sets. */
    public MvcTestResult sendWithCsrfHeader(HttpMethod method, String uri, @Nullable String json,
            @Nullable String token) {
        MockHttpServletRequestBuilder request = request(method, uri, json);
        if (token != null) {
            request.header("X-XSRF-TOKEN", token);
        }
        return perform(request);
    }

    /** Any request, with the cookies added; for bodies that are not JSON. */
    public MvcTestResult perform(MockHttpServletRequestBuilder request) {
        request.secure(true);
        if (!this.cookies.isEmpty()) {
            request.cookie(this.cookies.values().toArray(Cookie[]::new));
        }
        MvcTestResult result = this.mvc.perform(request);
        for (Cookie cookie : result.getResponse().getCookies()) {
            if (cookie.getMaxAge() == 0) {
                this.cookies.remove(cookie.getName());
            }
            else {
                this.cookies.put(cookie.getName(), cookie);
            }
        }
        return result;
    }

    public Optional<String> cookie(String name) {
        return Optional.ofNullable(this.cookies.get(name)).map(Cookie::getValue);
    }

    /** Forgets a cookie, as a browser whose cookie expired would. */
    public void forget(String name) {
        this.cookies.remove(name);
    }

    /** Registers a user with {@link #PASSWORD}; fails unless it worked. */
    public Browser register(String username) {
        expectStatus(post("/api/users", credentials(username)), 201);
        return this;
    }

    /** Registers a user and logs in as them; fails unless both worked. */
    public Browser registerAndLogIn(String username) {
        register(username);
        expectStatus(post("/api/session", credentials(username)), 200);
        return this;
    }

    /** The id of the post a {@code POST /api/posts} created; fails unless it did. */
    public static long idOf(MvcTestResult created) {
        expectStatus(created, 201);
        return ((Number) JsonPath.read(contentOf(created), "$.id")).longValue();
    }

    public static String credentials(String username) {
        return "{\"username\": \"" + username + "\", \"password\": \"" + PASSWORD + "\"}";
    }

    private static MockHttpServletRequestBuilder request(HttpMethod method, String uri, @Nullable String json) {
        MockHttpServletRequestBuilder request = MockMvcRequestBuilders.request(method, uri);
        if (json != null) {
            request.contentType(MediaType.APPLICATION_JSON).content(json);
        }
        return request;
    }

    private static void expectStatus(MvcTestResult result, int status) {
        if (result.getResponse().getStatus() != status) {
            throw new AssertionError("Expected " + status + " but got " + result.getResponse().getStatus() + ": "
                    + contentOf(result));
        }
    }

    private static String contentOf(MvcTestResult result) {
        try {
            return result.getResponse().getContentAsString();
        }
        catch (UnsupportedEncodingException ex) {
            throw new IllegalStateException(ex);
        }
    }
}
