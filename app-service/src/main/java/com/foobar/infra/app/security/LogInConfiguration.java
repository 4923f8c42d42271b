package com.foobar.infra.app.security;

import java.util.List;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.ProviderManager;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.authentication.session.ChangeSessionIdAuthenticationStrategy;
import org.springframework.security.web.authentication.session.CompositeSessionAuthenticationStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.security.web.csrf.CookieCsrfTokenRepository;
import org.springframework.security.web.csrf.CsrfAuthenticationStrategy;
import org.springframework.security.web.csrf.CsrfTokenRequestAttributeHandler;

/**
 * What a log-in uses, apart from the security chain ({@link SecurityConfiguration}), so that the session API has
 * it in any application context: the accounts checked with the password encoder, a new session id and a new CSRF
 * token, and where the logged-in user is kept.
 */
@Configuration(proxyBeanMethods = false)
class LogInConfiguration {

    @Bean
    AuthenticationManager authenticationManager(UserDetailsService users, PasswordEncoder passwordEncoder) {
        DaoAuthenticationProvider provider = new DaoAuthenticationProvider(users);
        provider.setPasswordEncoder(passwordEncoder);
        return new ProviderManager(provider);
    }

    /**
     * Where the logged-in user is kept between requests: the HTTP session, which Spring Session keeps in the
     * database.
     */
    @Bean
    SecurityContextRepository securityContextRepository() {
        return new DelegatingSecurityContextRepository(new RequestAttributeSecurityContextRepository(),
                new HttpSessionSecurityContextRepository());
    }

    /**
     * A new session id and a new CSRF token at log-in, so that an id or a token planted before it (session fixation,
     * a token set from a sibling domain) is worth nothing after. Spring Security does this in its own log-in filters
     * only; the session API logs in programmatically, so it is said here.
     */
    @Bean
    SessionAuthenticationStrategy sessionAuthenticationStrategy(CookieCsrfTokenRepository csrfTokens,
            CsrfTokenRequestAttributeHandler csrfTokenRequestHandler) {
        CsrfAuthenticationStrategy newCsrfToken = new CsrfAuthenticationStrategy(csrfTokens);
        newCsrfToken.setRequestHandler(csrfTokenRequestHandler);
        return new CompositeSessionAuthenticationStrategy(
                List.of(new ChangeSessionIdAuthenticationStrategy(), newCsrfToken));
    }

    /**
     * The CSRF token in a cookie that the page's script can read ({@code HttpOnly} off) and sends back in the
     * {@code X-XSRF-TOKEN} header; another site can neither read the cookie nor set the header.
     */
    @Bean
    CookieCsrfTokenRepository csrfTokens() {
        CookieCsrfTokenRepository tokens = CookieCsrfTokenRepository.withHttpOnlyFalse();
        tokens.setCookieCustomizer((cookie) -> cookie.secure(true).sameSite("Lax").path("/"));
        return tokens;
    }

    /**
     * Spring Security loads the token only when something asks for it, and then a client that has no cookie yet
     * would never get one: no page here renders the token. Without a request attribute name the handler must load
     * the token to name the attribute, so every request without the cookie gets one (and a log-in its new one).
     */
    @Bean
    CsrfTokenRequestAttributeHandler csrfTokenRequestHandler() {
        CsrfTokenRequestAttributeHandler handler = new CsrfTokenRequestAttributeHandler();
        handler.setCsrfRequestAttributeName(null);
        return handler;
    }
}
