package com.foobar.infra.load;

import io.gatling.javaapi.core.ChainBuilder;

import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.percent;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.repeat;

/**
 * A demo user who logs in and mostly reads: the timeline, then six times one of the timeline with an older page,
 * another demo user's page, a search for a word seen in a post, or one post; then logs out. Needs
 * {@code ./foobar seed}; 2 users/s by default.
 */
public class ReadHeavySimulation extends JourneySimulation {

    public ReadHeavySimulation() {
        super("read-heavy", 2, ReadHeavySimulation::journey);
    }

    static ChainBuilder journey(LoadSettings settings) {
        return feed(Accounts.demo(settings.seedUsers())).exec(SiteRequests.LOG_IN)
            .exec(SiteRequests.timeline("timeline", "/api/posts", 0))
            .exec(repeat(6).on(exec(SiteRequests.THINK).exec(randomSwitch().on(
                    percent(40).then(SiteRequests.timeline("timeline", "/api/posts", 1)),
                    percent(25).then(SiteRequests.timeline("user page", "/api/users/#{author}/posts", 1)),
                    percent(20).then(SiteRequests.timeline("search", "/api/posts?q=#{term}", 0)),
                    percent(15).then(SiteRequests.ONE_POST)))))
            .exec(SiteRequests.LOG_OUT);
    }

}
