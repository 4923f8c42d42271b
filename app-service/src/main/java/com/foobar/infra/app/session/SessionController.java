package com.foobar.infra.app.session;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;

import com.foobar.infra.app.account.UserResponse;

import org.springframework.security.authentication.AuthenticationManager;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.InternalAuthenticationServiceException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.session.SessionAuthenticationStrategy;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The session API: log in ({@code POST}) and who is logged in ({@code GET}). Log-out ({@code DELETE}) is Spring
 * Security's logout filter, configured in the security package.
 *
 * <p>Log-in authenticates programmatically, the JSON way: the same {@link AuthenticationManager} a login form
 * would use, a new session id, and the security context saved where the next request, on any application
 * server, loads it from.
 */
@RestController
@RequestMapping("/api/session")
class SessionController {

    private final SecurityContextHolderStrategy contextHolder = SecurityContextHolder.getContextHolderStrategy();

    private final AuthenticationManager authenticationManager;

    private final SessionAuthenticationStrategy sessionStrategy;

    private final SecurityContextRepository contexts;

    private final LogInThrottle throttle;

    SessionController(AuthenticationManager authenticationManager, SessionAuthenticationStrategy sessionStrategy,
            SecurityContextRepository contexts, LogInThrottle throttle) {
        this.throttle = throttle;
        this.authenticationManager = authenticationManager;
        this.sessionStrategy = sessionStrategy;
        this.contexts = contexts;
    }

    @PostMapping
    UserResponse logIn(@Valid @RequestBody LogInRequest logIn, HttpServletRequest request,
            HttpServletResponse response) {
        // The client's address as RemoteIpValve found it in the trusted proxies' X-Forwarded-For.
        String address = request.getRemoteAddr();
        this.throttle.check(logIn.username(), address);
        Authentication authentication;
        try {
            authentication = authenticate(logIn);
        }
        catch (LogInFailedException ex) {
            this.throttle.failed(logIn.username(), address);
            throw ex;
        }
        this.sessionStrategy.onAuthentication(authentication, request, response);
        SecurityContext context = this.contextHolder.createEmptyContext();
        context.setAuthentication(authentication);
        this.contextHolder.setContext(context);
        this.contexts.saveContext(context, request, response);
        return new UserResponse(authentication.getName());
    }

    /** Only reached when logged in: the security chain answers 401 otherwise. */
    @GetMapping
    UserResponse current(Authentication authentication) {
        return new UserResponse(authentication.getName());
    }

    private Authentication authenticate(LogInRequest logIn) {
        if (!logIn.hasPossiblePassword()) {
            throw new LogInFailedException();
        }
        try {
            return this.authenticationManager.authenticate(UsernamePasswordAuthenticationToken
                    .unauthenticated(logIn.username(), logIn.password()));
        }
        catch (BadCredentialsException ex) {
            // Unknown user or wrong password alike (Spring Security hides which), so names cannot be probed.
            throw new LogInFailedException();
        }
        catch (InternalAuthenticationServiceException ex) {
            // The accounts could not be read: a database problem, which the API answers as such (503).
            throw (ex.getCause() instanceof RuntimeException cause) ? cause : ex;
        }
    }
}
