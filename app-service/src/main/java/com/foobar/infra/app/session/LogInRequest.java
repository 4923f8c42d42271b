package com.foobar.infra.app.session;

import jakarta.validation.constraints.NotNull;

import com.foobar.infra.app.account.RegistrationRequest;

/**
 * The JSON body of {@code POST /api/session}: who logs in, and their password.
 *
 * <p>Only their presence is validated: whatever else is wrong with them (a name or a password that registration
 * would refuse) is, like a wrong password, a 401 that does not say what was wrong.
 *
 * @param username the account's username
 * @param password its password
 */
record LogInRequest(@NotNull String username, @NotNull String password) {

    /**
     * Whether the password could be an account's at all; a longer one is refused without being hashed, so that it
     * cannot buy a long hash computation.
     */
    boolean hasPossiblePassword() {
        return this.password.length() <= RegistrationRequest.MAX_PASSWORD_LENGTH;
    }

    /** Everything but the password, so that a logged request leaks no secret. */
    @Override
    public String toString() {
        return "LogInRequest[username=" + this.username + ", password=(hidden)]";
    }
}
