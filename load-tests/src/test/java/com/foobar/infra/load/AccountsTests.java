package com.foobar.infra.load;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AccountsTests {

    @Test
    void shouldMakeNewUsernamesTheApiAcceptsAndNoneTwice() {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < 1000; i++) {
            names.add(Accounts.newName());
        }
        assertThat(names).hasSize(1000).allSatisfy((name) -> assertThat(name).matches("[a-z0-9_-]{3,30}"));
    }

    @Test
    void shouldLogInAsOneOfTheSeededDemoUsers() {
        Map<String, Object> account = Accounts.demo(3).next();
        assertThat(account.get("username").toString()).matches("demo-[1-3]");
        assertThat(account.get("author").toString()).matches("demo-[1-3]");
        assertThat(account).containsEntry("password", "demo-password");
    }

}
