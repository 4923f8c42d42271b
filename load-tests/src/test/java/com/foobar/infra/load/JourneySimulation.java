package com.foobar.infra.load;

import java.time.Duration;
import java.util.function.Function;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Simulation;

import static io.gatling.javaapi.core.CoreDsl.constantUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.global;
import static io.gatling.javaapi.core.CoreDsl.rampUsersPerSec;
import static io.gatling.javaapi.core.CoreDsl.scenario;

/**
 * A Gatling simulation of one user journey under an open workload: users arrive at a rate that climbs from 1/s to
 * {@code load.rate} over {@code load.ramp}, then stays there until {@code load.duration} has passed, whatever the
 * site's speed; each user opens the home page, then follows the journey. The run passes when fewer than
 * {@code load.max-error-percent} of the requests failed and the 95th percentile is under {@code load.max-p95-ms}.
 */
abstract class JourneySimulation extends Simulation {

    /** Time the users who arrived last get to finish, after which the run is stopped. */
    private static final Duration GRACE = Duration.ofSeconds(60);

    protected JourneySimulation(String name, double defaultRate, Function<LoadSettings, ChainBuilder> journey) {
        LoadSettings settings = LoadSettings.from(System.getProperties(), defaultRate);
        setUp(scenario(name).exec(SiteRequests.HOME_PAGE)
            .exec(journey.apply(settings))
            .injectOpen(rampUsersPerSec(1).to(settings.rate()).during(settings.ramp()),
                    constantUsersPerSec(settings.rate()).during(settings.duration().minus(settings.ramp()))))
            .protocols(SiteRequests.protocol(settings))
            .maxDuration(settings.duration().plus(GRACE))
            .assertions(global().failedRequests().percent().lt(settings.maxErrorPercent()),
                    global().responseTime().percentile(95.0).lt(settings.maxP95Millis()));
    }

}
