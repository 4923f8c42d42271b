package com.foobar.infra.router.consistency;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class GtidCookieCodecTests {

    private final GtidCookieCodec codec = new GtidCookieCodec("a shared secret, 16+".getBytes(StandardCharsets.UTF_8));

    @Test
    void shouldRoundTripAPosition() {
        GtidPosition position = new GtidPosition("0-1-42,1-3-7");

        assertThat(this.codec.decode(this.codec.encode(position))).contains(position);
    }

    @Test
    void shouldAcceptACookieFromAnotherServerWithTheSameKey() {
        GtidCookieCodec other = new GtidCookieCodec("a shared secret, 16+".getBytes(StandardCharsets.UTF_8));

        assertThat(other.decode(this.codec.encode(new GtidPosition("0-1-5")))).contains(new GtidPosition("0-1-5"));
    }

    @Test
    void shouldIgnoreAForgedPosition() {
        String genuine = this.codec.encode(new GtidPosition("0-1-5"));
        String forgedValue = Base64.getUrlEncoder()
            .withoutPadding()
            .encodeToString("0-1-99999999999".getBytes(StandardCharsets.UTF_8));

        assertThat(this.codec.decode(forgedValue + genuine.substring(genuine.indexOf('.')))).isEmpty();
        assertThat(this.codec.decode(forgedValue)).isEmpty();
        assertThat(this.codec.decode("not base64!.also not")).isEmpty();
    }

    @Test
    void shouldIgnoreACookieSignedWithAnotherKey() {
        GtidCookieCodec stranger = new GtidCookieCodec("another secret, 16+".getBytes(StandardCharsets.UTF_8));

        assertThat(this.codec.decode(stranger.encode(new GtidPosition("0-1-5")))).isEmpty();
    }

    @Test
    void shouldRefuseAShortKey() {
        assertThatIllegalArgumentException().isThrownBy(() -> new GtidCookieCodec(new byte[8]))
            .withMessageContaining("16 bytes");
    }

}
