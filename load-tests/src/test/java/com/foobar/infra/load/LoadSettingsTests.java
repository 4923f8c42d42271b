package com.foobar.infra.load;

import java.net.URI;
import java.time.Duration;
import java.util.Properties;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class LoadSettingsTests {

    @Test
    void shouldTargetTheLocalSiteForAMinuteByDefault() {
        LoadSettings settings = LoadSettings.from(new Properties(), 20);
        assertThat(settings.baseUrl()).isEqualTo(URI.create("https://www.foobar.com:8443"));
        assertThat(settings.address()).isEqualTo("127.0.0.1");
        assertThat(settings.rate()).isEqualTo(20);
        assertThat(settings.duration()).isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.ramp()).isEqualTo(Duration.ofSeconds(10));
        assertThat(settings.seedUsers()).isEqualTo(20);
        assertThat(settings.maxErrorPercent()).isEqualTo(1);
    }

    @Test
    void shouldTakeThePortOrAWholeUrlAndTheRateFromProperties() {
        Properties properties = new Properties();
        properties.setProperty("load.port", "34443");
        properties.setProperty("load.rate", "2.5");
        properties.setProperty("load.duration", "30");
        assertThat(LoadSettings.from(properties, 20).baseUrl()).hasPort(34443);
        assertThat(LoadSettings.from(properties, 20).rate()).isEqualTo(2.5);
        properties.setProperty("load.base-url", "https://www.foobar.com:9443");
        assertThat(LoadSettings.from(properties, 20).baseUrl()).hasPort(9443);
    }

    @Test
    void shouldRefuseARunThatEndsBeforeItsRamp() {
        Properties properties = new Properties();
        properties.setProperty("load.duration", "5");
        assertThatIllegalArgumentException().isThrownBy(() -> LoadSettings.from(properties, 20))
            .withMessageContaining("load.duration");
    }

}
