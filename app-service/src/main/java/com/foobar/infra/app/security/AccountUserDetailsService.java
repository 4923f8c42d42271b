package com.foobar.infra.app.security;

import java.util.Objects;

import com.foobar.infra.app.account.AccountRepository;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A {@link UserDetailsService} over the stored accounts, for log-in.
 *
 * <p>It reads in a read-only transaction, so on a replica; a user who has just registered is found all the same,
 * because registration's read-your-writes cookie makes the replica wait for the new account first.
 */
@Service
class AccountUserDetailsService implements UserDetailsService {

    private final AccountRepository accounts;

    AccountUserDetailsService(AccountRepository accounts) {
        this.accounts = accounts;
    }

    @Override
    @Transactional(readOnly = true)
    public UserDetails loadUserByUsername(String username) {
        return this.accounts.findByUsername(username)
                .map((account) -> new AccountPrincipal(Objects.requireNonNull(account.getId(), "a stored account"),
                        account.getUsername(), account.getPasswordHash()))
                .orElseThrow(() -> new UsernameNotFoundException("No such user"));
    }
}
