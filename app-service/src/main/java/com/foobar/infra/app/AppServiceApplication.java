package com.foobar.infra.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The application server of the topology: serves the message board's API over the replication router.
 *
 * <p>Started without a web server ({@code spring.main.web-application-type=none}) it is the seed command instead:
 * it runs once and exits.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
public class AppServiceApplication {

    public static void main(String[] args) {
        ConfigurableApplicationContext context = SpringApplication.run(AppServiceApplication.class, args);
        // With no web server there is nothing left to serve once the runners are done; the router's replica
        // checks would otherwise keep the JVM alive.
        if (!(context instanceof WebServerApplicationContext)) {
            System.exit(SpringApplication.exit(context));
        }
    }
}
