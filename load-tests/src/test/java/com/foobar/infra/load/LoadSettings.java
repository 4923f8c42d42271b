package com.foobar.infra.load;

import java.net.URI;
import java.time.Duration;
import java.util.Properties;

/**
 * What one run of a journey does, from {@code -Dload.*} system properties (the Maven command line passes them on to
 * Gatling): where the site is, how many users arrive per second and for how long, and what counts as a pass.
 *
 * @param baseUrl the site, {@code load.base-url}, else {@code https://www.foobar.com:<load.port>} (8443)
 * @param address the address the site's host name resolves to for Gatling, {@code load.address} (127.0.0.1)
 * @param rate users arriving per second once ramped up, {@code load.rate} (each journey has its own default)
 * @param duration how long users keep arriving, {@code load.duration} in seconds (60), ramp included
 * @param ramp how long the arrival rate takes to climb from 1 user/s to {@code rate}, {@code load.ramp} (10)
 * @param seedUsers how many {@code demo-N} users {@code ./foobar seed} made, {@code load.seed-users} (20)
 * @param maxErrorPercent the largest share of failed requests that passes, {@code load.max-error-percent} (1)
 * @param maxP95Millis the largest 95th percentile response time that passes, {@code load.max-p95-ms} (2000)
 */
record LoadSettings(URI baseUrl, String address, double rate, Duration duration, Duration ramp, int seedUsers,
        double maxErrorPercent, int maxP95Millis) {

    LoadSettings {
        if (rate <= 0 || duration.compareTo(ramp) <= 0 || ramp.isNegative() || seedUsers < 1) {
            throw new IllegalArgumentException("load.rate must be positive, load.duration longer than load.ramp, "
                    + "load.seed-users at least 1");
        }
    }

    static LoadSettings from(Properties properties, double defaultRate) {
        String port = properties.getProperty("load.port", "8443");
        return new LoadSettings(URI.create(properties.getProperty("load.base-url", "https://www.foobar.com:" + port)),
                properties.getProperty("load.address", "127.0.0.1"),
                Double.parseDouble(properties.getProperty("load.rate", String.valueOf(defaultRate))),
                Duration.ofSeconds(Long.parseLong(properties.getProperty("load.duration", "60"))),
                Duration.ofSeconds(Long.parseLong(properties.getProperty("load.ramp", "10"))),
                Integer.parseInt(properties.getProperty("load.seed-users", "20")),
                Double.parseDouble(properties.getProperty("load.max-error-percent", "1")),
                Integer.parseInt(properties.getProperty("load.max-p95-ms", "2000")));
    }

}
