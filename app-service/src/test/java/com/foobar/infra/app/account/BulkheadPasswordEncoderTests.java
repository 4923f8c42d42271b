package com.foobar.infra.app.account;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.bulkhead.BulkheadFullException;
import org.junit.jupiter.api.Test;

import org.springframework.security.crypto.password.PasswordEncoder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class BulkheadPasswordEncoderTests {

    @Test
    void shouldRefuseAHashWhileTheBulkheadIsFull() throws Exception {
        CountDownLatch hashing = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        PasswordEncoder slow = new PasswordEncoder() {

            @Override
            public String encode(CharSequence rawPassword) {
                return "hash";
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                hashing.countDown();
                try {
                    release.await();
                }
                catch (InterruptedException ex) {
                    Thread.currentThread().interrupt();
                }
                return true;
            }
        };
        PasswordEncoder encoder = new BulkheadPasswordEncoder(slow, Bulkhead.of("test", BulkheadConfig.custom()
            .maxConcurrentCalls(1).maxWaitDuration(Duration.ZERO).build()));

        CompletableFuture<Boolean> first = CompletableFuture.supplyAsync(() -> encoder.matches("pw", "hash"));
        hashing.await();

        assertThatExceptionOfType(BulkheadFullException.class).isThrownBy(() -> encoder.matches("pw", "hash"));
        release.countDown();
        assertThat(first.get()).isTrue();
        assertThat(encoder.encode("pw")).isEqualTo("hash");
    }
}
