package com.foobar.infra.launcher;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.foobar.infra.launcher.seed.SeedCommand;
import com.foobar.infra.launcher.tls.InternalCertificateAuthorities;
import com.foobar.infra.launcher.topology.TopologyPlan;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The message board on the running topology. Sessions live in the database, not in an application server: a user
 * who logs in on app-1 is still logged in on app-3, with no sticky routing. And {@code ./foobar seed} fills the
 * topology with demo users and posts. The tests call the application servers' main ports directly, as the web
 * tier does (HTTPS with a web-tier client certificate), so that they choose which server serves each request.
 */
class BoardEndToEndTests {

    @RegisterExtension
    static final RunningTopology running = new RunningTopology();

    private static final TopologyPlan PLAN = RunningTopology.PLAN;

    private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

    @Test
    void shouldKeepAUserLoggedInOnAnotherApplicationServer() throws Exception {
        TierClient web1 = asWebServer("web-1");
        TierClient web3 = asWebServer("web-3");
        String username = "e2e-" + Long.toString(System.nanoTime() % 1_000_000_000L, 36);
        String credentials = "{\"username\": \"" + username + "\", \"password\": \"end-to-end\"}";

        assertThat(web1.send(post("app-1", "/api/users", credentials)).statusCode()).isEqualTo(201);
        HttpResponse<String> logIn = web1.send(post("app-1", "/api/session", credentials));
        assertThat(logIn.statusCode()).isEqualTo(200);
        assertThat(logIn.headers().firstValue("X-Served-By")).hasValue("app-1");
        String session = cookie(logIn, "SESSION");
        String csrf = cookie(logIn, "XSRF-TOKEN");
        String cookies = "SESSION=" + session + "; XSRF-TOKEN=" + csrf;

        HttpResponse<String> who = web3.send(request("app-3", "/api/session", cookies).GET().build());
        assertThat(who.statusCode()).isEqualTo(200);
        assertThat(who.headers().firstValue("X-Served-By")).hasValue("app-3");
        assertThat(who.body()).contains("\"username\":\"" + username + "\"");

        HttpResponse<String> created = web3.send(post("app-3", "/api/posts", "{\"body\": \"from app-3\"}",
                cookies, csrf));
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("X-Served-By")).hasValue("app-3");
        assertThat(created.headers().firstValue("X-DB-Node")).hasValue("db-primary");
        assertThat(created.body()).contains("\"author\":\"" + username + "\"");

        Matcher id = ID.matcher(created.body());
        assertThat(id.find()).isTrue();
        HttpResponse<String> read = web1.send(request("app-1", "/api/posts/" + id.group(1), cookies).GET().build());
        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"author\":\"" + username + "\"");
    }

    @Test
    void shouldSeedDemoUsersAndPostsThatTheApplicationServersServe() throws Exception {
        ByteArrayOutputStream output = new ByteArrayOutputStream();

        int exit = new SeedCommand(RunningTopology.ROOT, running.home(), running.topology(),
                new PrintStream(output, true, StandardCharsets.UTF_8)).run(3, 120);

        assertThat(exit).isZero();
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("seed: posts 120/120")
            .contains("posts added");
        // Read on a replica, which has the seed's writes within moments.
        TierClient web2 = asWebServer("web-2");
        String demo = "{\"username\": \"demo-1\", \"password\": \"demo-password\"}";
        HttpResponse<String> logIn = awaitStatus(200, () -> web2.send(post("app-2", "/api/session", demo)));
        assertThat(logIn.body()).contains("\"username\":\"demo-1\"");
        HttpResponse<String> page = web2.get("https://127.0.0.1:" + PLAN.node("app-2").port("http")
                + "/api/users/demo-1/posts?limit=1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("\"author\":\"demo-1\"");
    }

    private static TierClient asWebServer(String web) throws Exception {
        InternalCertificateAuthorities tiers = new InternalCertificateAuthorities(running.home().resolve("tls"));
        return new TierClient(tiers.caCertificate("app"), tiers.certificate(web));
    }

    private static HttpResponse<String> awaitStatus(int status, Call call) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        HttpResponse<String> response = call.send();
        while (response.statusCode() != status && System.nanoTime() < deadline) {
            Thread.sleep(200);
            response = call.send();
        }
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        return response;
    }

    /** A JSON post without cookies: no session, so no CSRF token either. */
    private static HttpRequest post(String app, String path, String json) {
        return HttpRequest.newBuilder(uri(app, path)).timeout(Duration.ofSeconds(20))
            .header("Content-Type", "application/json")
            .POST(BodyPublishers.ofString(json))
            .build();
    }

    /** A JSON post with the session cookie, and so with the CSRF token, as the page sends it. */
    private static HttpRequest post(String app, String path, String json, String cookies, String csrf) {
        return request(app, path, cookies).header("Content-Type", "application/json")
            .header("X-XSRF-TOKEN", csrf)
            .POST(BodyPublishers.ofString(json))
            .build();
    }

    private static HttpRequest.Builder request(String app, String path, String cookies) {
        return HttpRequest.newBuilder(uri(app, path)).timeout(Duration.ofSeconds(20)).header("Cookie", cookies);
    }

    private static URI uri(String app, String path) {
        return URI.create("https://127.0.0.1:" + PLAN.node(app).port("http") + path);
    }

    @FunctionalInterface
    private interface Call {

        HttpResponse<String> send() throws Exception;

    }

    /** The value a response's {@code Set-Cookie} gives a cookie. */
    private static String cookie(HttpResponse<String> response, String name) {
        List<String> values = response.headers().allValues("Set-Cookie");
        return values.stream()
            .filter((value) -> value.startsWith(name + "="))
            .map((value) -> value.substring(name.length() + 1, value.indexOf(';')))
            .findFirst()
            .orElseThrow(() -> new AssertionError("No " + name + " cookie in " + values));
    }
}
