package com.foobar.infra.web;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The web server of one web node: static files from {@code classpath:/static/}, {@code /api/**} forwarded to the
 * application server by the gateway route in {@code application.yml}.
 */
@SpringBootApplication
public class WebServiceApplication {

    public static void main(String[] args) {
        SpringApplication.run(WebServiceApplication.class, args);
    }
}
