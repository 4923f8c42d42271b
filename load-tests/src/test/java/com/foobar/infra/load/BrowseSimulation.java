package com.foobar.infra.load;

import io.gatling.javaapi.core.ChainBuilder;

import static io.gatling.javaapi.core.CoreDsl.exec;

/**
 * A guest browsing: the home page with its assets, the timeline and two older pages of it, then one post.
 * Needs nothing but the site; 10 users/s by default.
 */
public class BrowseSimulation extends JourneySimulation {

    public BrowseSimulation() {
        super("browse", 10, BrowseSimulation::journey);
    }

    static ChainBuilder journey(LoadSettings settings) {
        return exec(SiteRequests.timeline("timeline", "/api/posts", 2)).exec(SiteRequests.THINK)
            .exec(SiteRequests.ONE_POST);
    }

}
