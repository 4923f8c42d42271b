package com.foobar.infra.app.account;

import java.net.URI;

import jakarta.validation.Valid;

import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The users API: registration, and a user by name (where registration's {@code Location} points).
 *
 * <p>Registering does not log in: the client logs in with {@code POST /api/session}, which is where the session
 * and its fixation protection live.
 */
@RestController
@RequestMapping("/api/users")
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @PostMapping
    ResponseEntity<UserResponse> register(@Valid @RequestBody RegistrationRequest registration) {
        Account account = this.accounts.register(registration);
        return ResponseEntity.created(URI.create("/api/users/" + account.getUsername()))
                .body(new UserResponse(account.getUsername()));
    }

    @GetMapping("/{username}")
    UserResponse get(@PathVariable String username) {
        return new UserResponse(this.accounts.get(username).getUsername());
    }
}
