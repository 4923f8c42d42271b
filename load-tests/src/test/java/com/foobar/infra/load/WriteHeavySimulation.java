package com.foobar.infra.load;

import io.gatling.javaapi.core.ChainBuilder;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jmesPath;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.repeat;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

/**
 * A user who writes: one in five registers a new account, the others are demo users; each logs in, then three times
 * posts, reads their own page (where the new post must already be among the newest: read-your-writes), edits the
 * post, and deletes it half of the time; then logs out. Needs {@code ./foobar seed}; 2 users/s by default.
 */
public class WriteHeavySimulation extends JourneySimulation {

    static final ChainBuilder REGISTER = feed(Accounts.fresh()).exec(SiteRequests.write(http("register")
        .post("/api/users")).body(StringBody("{\"username\": \"#{username}\", \"password\": \"#{password}\"}"))
        .check(status().is(201)));

    static final ChainBuilder POST = exec(SiteRequests.write(http("post").post("/api/posts"))
        .body(StringBody("{\"body\": \"Load test post #{username} #{postNumber}: posting, editing, deleting.\"}"))
        .check(status().is(201), jmesPath("id").ofLong().saveAs("postId"),
                jmesPath("version").ofInt().saveAs("version")));

    /** Among the newest: other virtual users logged in as the same demo user may have posted since. */
    static final ChainBuilder SEE_OWN_POST = exec(http("own page").get("/api/users/#{username}/posts?limit=5")
        .check(status().is(200), jsonPath("$[?(@.id == #{postId})]").exists()));

    static final ChainBuilder EDIT = exec(SiteRequests.write(http("edit").put("/api/posts/#{postId}"))
        .body(StringBody("{\"body\": \"Edited load test post #{username} #{postNumber}.\", \"version\": #{version}}"))
        .check(status().is(200)));

    static final ChainBuilder DELETE = exec(SiteRequests.write(http("delete").delete("/api/posts/#{postId}"))
        .check(status().is(204)));

    public WriteHeavySimulation() {
        super("write-heavy", 2, WriteHeavySimulation::journey);
    }

    static ChainBuilder journey(LoadSettings settings) {
        return feed(Accounts.demo(settings.seedUsers())).exec(randomSwitch().on(percent(20).then(REGISTER)))
            .exec(SiteRequests.LOG_IN)
            .exec(repeat(3, "postNumber").on(exec(SiteRequests.THINK).exec(POST)
                .exec(SEE_OWN_POST)
                .exec(SiteRequests.THINK)
                .exec(EDIT)
                .exec(randomSwitch().on(percent(50).then(DELETE)))))
            .exec(SiteRequests.LOG_OUT);
    }

}
