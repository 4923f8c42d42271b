package com.foobar.infra.app.security;

import java.util.Collection;
import java.util.List;

import org.jspecify.annotations.Nullable;

import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The logged-in user as Spring Security knows it: the account's id and username.
 *
 * <p>It is stored in the session (so serialized into the session table), and carries the id so that a post can
 * name its author without looking the account up again. The password hash is there only while log-in checks it:
 * Spring Security erases it right after ({@link CredentialsContainer}), so it never reaches the session.
 */
public final class AccountPrincipal implements UserDetails, CredentialsContainer {

    private static final long serialVersionUID = 1L;

    private final long id;

    private final String username;

    private @Nullable String passwordHash;

    public AccountPrincipal(long id, String username, @Nullable String passwordHash) {
        this.id = id;
        this.username = username;
        this.passwordHash = passwordHash;
    }

    public long id() {
        return this.id;
    }

    @Override
    public String getUsername() {
        return this.username;
    }

    @Override
    public @Nullable String getPassword() {
        return this.passwordHash;
    }

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        // Every user may do the same things; what is theirs is decided per post.
        return List.of();
    }

    @Override
    public void eraseCredentials() {
        this.passwordHash = null;
    }
}
