package com.foobar.infra.app.account;

import java.util.Map;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * How passwords are hashed: Argon2id (memory-hard, the OWASP recommendation) with Spring Security's current
 * parameters (16 MiB, 2 iterations), behind a {@link DelegatingPasswordEncoder}.
 *
 * <p>Each stored hash starts with the id of its encoder ({@code {argon2}...}), so a later, stronger choice can be
 * added as the new default while the hashes already stored keep working. Every hash goes through a bulkhead
 * ({@link BulkheadPasswordEncoder}), so log-ins cannot starve reads of the CPU.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    private static final String ARGON2 = "argon2";

    @Bean
    PasswordEncoder passwordEncoder(PasswordHashingProperties properties) {
        PasswordEncoder argon2 = new DelegatingPasswordEncoder(ARGON2,
                Map.of(ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
        Bulkhead bulkhead = Bulkhead.of("password-hashing", BulkheadConfig.custom()
            .maxConcurrentCalls(properties.maxConcurrent())
            .maxWaitDuration(properties.maxWait())
            .build());
        return new BulkheadPasswordEncoder(argon2, bulkhead);
    }
}
