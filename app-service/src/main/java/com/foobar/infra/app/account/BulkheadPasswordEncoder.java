package com.foobar.infra.app.account;

import io.github.resilience4j.bulkhead.Bulkhead;
import org.jspecify.annotations.Nullable;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * A {@link PasswordEncoder} that hashes through a Resilience4j {@link Bulkhead}, so that only so many Argon2 hashes
 * (each 16 MiB and a few tens of milliseconds of a core) run at once, and a burst of log-ins or sign-ups waits its
 * turn or is refused instead of starving every other request of the CPU (OWASP ASVS V2.2).
 *
 * <p>A hash that cannot get a place in time throws {@code BulkheadFullException}, which the API answers with
 * {@code 503} and {@code Retry-After}.
 */
final class BulkheadPasswordEncoder implements PasswordEncoder {

    private final PasswordEncoder delegate;

    private final Bulkhead bulkhead;

    BulkheadPasswordEncoder(PasswordEncoder delegate, Bulkhead bulkhead) {
        this.delegate = delegate;
        this.bulkhead = bulkhead;
    }

    @Override
    public @Nullable String encode(@Nullable CharSequence rawPassword) {
        return this.bulkhead.executeSupplier(() -> this.delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(@Nullable CharSequence rawPassword, @Nullable String encodedPassword) {
        return this.bulkhead.executeSupplier(() -> this.delegate.matches(rawPassword, encodedPassword));
    }

    @Override
    public boolean upgradeEncoding(@Nullable String encodedPassword) {
        return this.delegate.upgradeEncoding(encodedPassword);
    }
}
