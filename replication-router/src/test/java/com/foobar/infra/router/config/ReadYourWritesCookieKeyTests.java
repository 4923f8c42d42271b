package com.foobar.infra.router.config;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.foobar.infra.router.config.ReplicationRouterProperties.Health;
import com.foobar.infra.router.config.ReplicationRouterProperties.Node;
import com.foobar.infra.router.config.ReplicationRouterProperties.Pool;
import com.foobar.infra.router.config.ReplicationRouterProperties.ReadYourWrites;
import com.foobar.infra.router.routing.NoReplicaPolicy;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

@ExtendWith(OutputCaptureExtension.class)
class ReadYourWritesCookieKeyTests {

    private static final String WARNING = "Neither foobar.datasource.read-your-writes.key nor a database password";

    @Test
    void shouldUseTheConfiguredKey(CapturedOutput output) {
        byte[] key = ReadYourWritesCookieKey.of(properties("app", "apppw1", "a shared secret, 16+"));

        assertThat(key).isEqualTo("a shared secret, 16+".getBytes(StandardCharsets.UTF_8));
        assertThat(output).doesNotContain(WARNING);
    }

    @Test
    void shouldDeriveTheKeyFromTheDatabaseAccountWithoutAConfiguredOne(CapturedOutput output) {
        byte[] key = ReadYourWritesCookieKey.of(properties("app", "apppw1", null));

        // Pinned: servers of one deployment that derive different keys reject each other's cookies.
        assertThat(HexFormat.of().formatHex(key))
                .isEqualTo("4958f71969b19f16a0b35f91de7d6992959eb1a3d77d65c54fd4725000e17e85");
        assertThat(output).doesNotContain(WARNING);
    }

    @Test
    void shouldDeriveTheSameKeyOnEveryServerOfTheAccountOnly() {
        byte[] key = ReadYourWritesCookieKey.of(properties("app", "apppw1", null));

        assertThat(ReadYourWritesCookieKey.of(properties("app", "apppw1", null))).isEqualTo(key);
        assertThat(ReadYourWritesCookieKey.of(properties("app", "apppw2", null))).isNotEqualTo(key);
        assertThat(ReadYourWritesCookieKey.of(properties("app2", "apppw1", null))).isNotEqualTo(key);
    }

    @Test
    void shouldUseARandomKeyAndWarnWithoutAKeyOrAPassword(CapturedOutput output) {
        byte[] key = ReadYourWritesCookieKey.of(properties("app", null, null));

        assertThat(key).hasSize(32).isNotEqualTo(ReadYourWritesCookieKey.of(properties("app", null, null)));
        assertThat(output).contains(WARNING);
    }

    private static ReplicationRouterProperties properties(String username, @Nullable String password,
            @Nullable String key) {
        return new ReplicationRouterProperties(username, password,
                new Node("db-primary", "jdbc:mysql://127.0.0.1:23399/foobar", 1), List.of(),
                new Pool(10, Duration.ofSeconds(5), Duration.ofSeconds(1)), Map.of(),
                new Health(Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1), 3, 2),
                NoReplicaPolicy.PRIMARY, true,
                new ReadYourWrites(true, Duration.ofMillis(500), "foobar-gtid", Duration.ofSeconds(10), key));
    }

}
