package com.foobar.infra.app.account;

import java.util.Map;

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
 * added as the new default while the hashes already stored keep working.
 */
@Configuration(proxyBeanMethods = false)
class PasswordHashing {

    private static final String ARGON2 = "argon2";

    @Bean
    PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder(ARGON2,
                Map.of(ARGON2, Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }
}
