package com.foobar.infra.app.account;

import java.util.Optional;

import org.springframework.data.jpa.repository.JpaRepository;

/**
 * Stored accounts, found by their unique username.
 */
public interface AccountRepository extends JpaRepository<Account, Long> {

    Optional<Account> findByUsername(String username);

    boolean existsByUsername(String username);
}
