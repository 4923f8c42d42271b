package com.foobar.infra.app.security;

import com.foobar.infra.app.board.BoardProperties;
import com.foobar.infra.app.problem.ProblemResponseWriter;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.logout.HttpStatusReturningLogoutSuccessHandler;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/**
 * Spring Security for the JSON API under {@code /api/}: who is logged in comes from the session (in the database),
 * log-in is {@code POST /api/session} (a controller, not a form), log-out is {@code DELETE /api/session}, and
 * every refusal is a problem detail, never a redirect or a browser's password prompt.
 *
 * <p>Most endpoints are open; the post endpoints check the author themselves. The management port is outside
 * this chain, as before.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
class SecurityConfiguration {

    @Bean
    SecurityFilterChain apiSecurity(HttpSecurity http, BoardProperties board, ProblemResponseWriter problems,
            SecurityContextRepository contexts, CookieCsrfTokenRepository csrfTokens,
            CsrfTokenRequestAttributeHandler csrfTokenRequestHandler, @Value("${server.servlet.session.cookie.name:SESSION}") String sessionCookieName) {
        ProblemSecurityResponses refusals = new ProblemSecurityResponses(problems);
        http.securityMatcher("/api/**")
                .authorizeHttpRequests((requests) -> {
                    requests.requestMatchers(HttpMethod.GET, "/api/session").authenticated();
                    requests.requestMatchers(HttpMethod.PUT, "/api/posts/*").authenticated();
                    requests.requestMatchers(HttpMethod.DELETE, "/api/posts/*").authenticated();
                    if (!board.guestPosts()) {
                        requests.requestMatchers(HttpMethod.POST, "/api/posts").authenticated();
                    }
                    requests.anyRequest().permitAll();
                })
                .csrf((csrf) -> csrf.csrfTokenRepository(csrfTokens)
                        .csrfTokenRequestHandler(csrfTokenRequestHandler)
                        .requireCsrfProtectionMatcher(new SessionCookieCsrfMatcher(sessionCookieName)))
                .securityContext((context) -> context.securityContextRepository(contexts))
                .logout((logout) -> logout
                        .logoutRequestMatcher(PathPatternRequestMatcher.withDefaults()
                                .matcher(HttpMethod.DELETE, "/api/session"))
                        .logoutSuccessHandler(new HttpStatusReturningLogoutSuccessHandler(HttpStatus.NO_CONTENT)))
                .exceptionHandling((exceptions) -> exceptions.authenticationEntryPoint(refusals)
                        .accessDeniedHandler(refusals))
                // A refused request is answered, not saved in a new session to be replayed after a log-in page.
                .requestCache((cache) -> cache.requestCache(new NullRequestCache()))
                .formLogin(AbstractHttpConfigurer::disable)
                .httpBasic(AbstractHttpConfigurer::disable);
        return http.build();
    }
}
