package com.foobar.infra.app.account;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registers accounts and finds them by username.
 *
 * <p>Registration is a read-write transaction, so the router runs both its check and its insert on the primary:
 * a replica that lags could not see a name taken a moment ago.
 */
@Service
public class AccountService {

    private final AccountRepository accounts;

    private final PasswordEncoder passwordEncoder;

    AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder) {
        this.accounts = accounts;
        this.passwordEncoder = passwordEncoder;
    }

    /**
     * Creates an account.
     * @param registration the validated username and password
     * @return the stored account
     * @throws UsernameTakenException if another account has the username
     */
    // Not one transaction: the hash (Argon2id, tens of milliseconds of CPU) would hold a primary connection all along.
    // The check saves the hash for a name already taken; the unique index decides a race, on save.
    public Account register(RegistrationRequest registration) {
        if (this.accounts.existsByUsername(registration.username())) {
            throw new UsernameTakenException(registration.username());
        }
        Account account = new Account(registration.username(), this.passwordEncoder.encode(registration.password()),
                Instant.now().truncatedTo(ChronoUnit.MICROS));
        try {
            // Flushed in its own transaction, so that a registration racing this one on another server fails here,
            // as a 409.
            return this.accounts.saveAndFlush(account);
        }
        catch (DataIntegrityViolationException ex) {
            throw new UsernameTakenException(registration.username(), ex);
        }
    }

    /**
     * Returns an account.
     * @param username the account's username
     * @return the account
     * @throws UserNotFoundException if no account has that username
     */
    @Transactional(readOnly = true)
    public Account get(String username) {
        return this.accounts.findByUsername(username).orElseThrow(() -> new UserNotFoundException(username));
    }
}
