package com.foobar.infra.app.security;

import com.foobar.infra.app.board.BoardProperties;
import com.foobar.infra.app.problem.ProblemResponseWriter;
import com.foobar.infra.app.session.LogInThrottle;
import com.foobar.infra.app.session.LogInThrottleProperties;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.NoOpPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The application's security chain for {@code @WebMvcTest} slices, which do not scan configuration classes: the
 * chain, its problem writer, the log-in throttle and the board's settings, over a user store with nobody in it.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, LogInConfiguration.class, ProblemResponseWriter.class, LogInThrottle.class })
@EnableConfigurationProperties({ BoardProperties.class, LogInThrottleProperties.class })
public class ApiSecuritySlice {

    @Bean
    UserDetailsService nobody() {
        return (username) -> {
            throw new UsernameNotFoundException(username);
        };
    }

    @Bean
    @SuppressWarnings("deprecation")
    PasswordEncoder plainText() {
        // Nobody logs in in a slice, so there is nothing to hash.
        return NoOpPasswordEncoder.getInstance();
    }
}
