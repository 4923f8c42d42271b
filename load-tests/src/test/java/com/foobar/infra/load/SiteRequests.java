package com.foobar.infra.load;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;

import static io.gatling.javaapi.core.CoreDsl.AllowList;
import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.http.HttpDsl.CookieKey;
import static io.gatling.javaapi.http.HttpDsl.getCookieValue;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * The requests the site's page makes, as Gatling chains the journeys share: the page itself with its assets, the
 * timeline read newest first by keyset ({@code before=<last id>}), one post, logging in and out with the CSRF token
 * of the {@code XSRF-TOKEN} cookie sent back in {@code X-XSRF-TOKEN}, as the page's own API helper does.
 */
final class SiteRequests {

    static final int PAGE_SIZE = 20;

    /** What a user takes between two clicks: short, so that few users make a load. */
    static final ChainBuilder THINK = pause(Duration.ofMillis(300), Duration.ofMillis(1200));

    /** The page and whatever it links to on the site (style sheet, script), fetched as a browser would. */
    static final ChainBuilder HOME_PAGE = exec(http("home page").get("/")
        .header("Accept", "text/html,application/xhtml+xml,*/*;q=0.8")
        .check(status().is(200)));

    /** One post of those a timeline page showed, when it showed any. */
    static final ChainBuilder ONE_POST = doIf((session) -> session.contains("postId"))
        .then(exec(http("one post").get("/api/posts/#{postId}").check(status().is(200))));

    /** {@code GET /api/session} (200 or 401) sets the CSRF cookie; its value goes in {@code xsrf}. */
    static final ChainBuilder CSRF_TOKEN = exec(http("session").get("/api/session").check(status().in(200, 401)))
        .exec(getCookieValue(CookieKey("XSRF-TOKEN").saveAs("xsrf")));

    /**
     * Logs {@code #{username}} in with {@code #{password}}; Spring Security changes the CSRF token on log-in, so the
     * new one is read after it. A user whose log-in failed goes no further.
     */
    static final ChainBuilder LOG_IN = exec(CSRF_TOKEN)
        .exec(write(http("log in").post("/api/session"))
            .body(StringBody("{\"username\": \"#{username}\", \"password\": \"#{password}\"}"))
            .check(status().is(200)))
        .exitHereIfFailed()
        .exec(CSRF_TOKEN);

    static final ChainBuilder LOG_OUT = exec(write(http("log out").delete("/api/session")).check(status().is(204)));

    private SiteRequests() {
    }

    /** HTTPS to the site, its host name resolved to {@code address} by Gatling itself rather than by DNS. */
    static HttpProtocolBuilder protocol(LoadSettings settings) {
        String host = settings.baseUrl().getHost();
        return http.baseUrl(settings.baseUrl().toString())
            .hostNameAliases(Map.of(host, List.of(settings.address())))
            .inferHtmlResources(AllowList("https://" + Pattern.quote(host) + "[:/].*"))
            .acceptHeader("application/json")
            .acceptEncodingHeader("gzip, deflate")
            .acceptLanguageHeader("en")
            .userAgentHeader("foobar-load-tests (Gatling)");
    }

    /** A JSON request that changes something: it carries the CSRF token, once there is one. */
    static HttpRequestActionBuilder write(HttpRequestActionBuilder request) {
        return request.asJson().header("X-XSRF-TOKEN", (session) -> session.contains("xsrf")
                ? session.getString("xsrf") : "");
    }

    /**
     * A timeline ({@code /api/posts}, a user's {@code /api/users/{name}/posts} or a search's {@code /api/posts?q=}):
     * the newest page, then up to {@code olderPages} older ones, each asked for with the last id of the one before.
     * Keeps a random post of what it saw in {@code postId} and a word of a post's text in {@code term}.
     */
    static ChainBuilder timeline(String name, String path, int olderPages) {
        String first = path + (path.contains("?") ? "&" : "?") + "limit=" + PAGE_SIZE;
        return exec(page(name, first)).exec(repeat(olderPages).on(doIf((session) -> session.contains("before"))
            .then(exec(THINK).exec(page(name + " (older)", first + "&before=#{before}")))));
    }

    private static ChainBuilder page(String name, String url) {
        return exec(http(name).get(url)
            .check(status().is(200), jmesPath("[-1].id").ofLong().optional().saveAs("next"),
                    jsonPath("$[*].id").ofLong().findRandom().optional().saveAs("postId"),
                    jsonPath("$[*].body").findRandom().transform(PostText::searchTerm).optional()
                        .saveAs("term")))
            // The next page starts before this one's last post; an empty page has none and ends the reading.
            .exec((session) -> session.contains("next")
                    ? session.set("before", session.getLong("next")).remove("next") : session.remove("before"));
    }

}
