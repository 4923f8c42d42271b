package com.foobar.infra.app.account;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * The JSON body of {@code POST /api/users}: the account to register.
 *
 * @param username 3 to 30 characters of lower-case letters, digits, {@code _} and {@code -}
 * @param password 8 to 128 characters; the upper bound keeps one request from buying a long hash computation
 */
public record RegistrationRequest(
        @NotNull @Size(min = 3, max = 30) @Pattern(regexp = "[a-z0-9_-]*",
                message = "may contain only lower-case letters, digits, '_' and '-'") String username,
        @NotNull @Size(min = 8, max = MAX_PASSWORD_LENGTH) String password) {

    /** The longest password an account may have. */
    public static final int MAX_PASSWORD_LENGTH = 128;

    /** Everything but the password, so that a logged request leaks no secret. */
    @Override
    public String toString() {
        return "RegistrationRequest[username=" + this.username + ", password=(hidden)]";
    }
}
