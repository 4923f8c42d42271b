package com.foobar.infra.router.health;

import com.foobar.infra.router.health.ReplicaState.Transition;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class ReplicaStateTests {

    private final ReplicaState state = new ReplicaState(2, 3);

    @Test
    void shouldStartUp() {
        assertThat(this.state.isUp()).isTrue();
    }

    @Test
    void shouldGoDownAfterExactlyFallFailedChecksInARow() {
        assertThat(this.state.record(false)).isEqualTo(Transition.NONE);
        assertThat(this.state.record(false)).isEqualTo(Transition.NONE);
        assertThat(this.state.isUp()).isTrue();

        assertThat(this.state.record(false)).isEqualTo(Transition.WENT_DOWN);
        assertThat(this.state.isUp()).isFalse();
    }

    @Test
    void shouldComeUpAfterExactlyRiseGoodChecksInARow() {
        goDown();

        assertThat(this.state.record(true)).isEqualTo(Transition.NONE);
        assertThat(this.state.isUp()).isFalse();

        assertThat(this.state.record(true)).isEqualTo(Transition.CAME_UP);
        assertThat(this.state.isUp()).isTrue();
    }

    @Test
    void shouldReportAWentDownTransitionOnlyOnce() {
        goDown();

        assertThat(this.state.record(false)).isEqualTo(Transition.NONE);
        assertThat(this.state.record(false)).isEqualTo(Transition.NONE);
        assertThat(this.state.record(false)).isEqualTo(Transition.NONE);
        assertThat(this.state.isUp()).isFalse();
    }

    @Test
    void shouldResetTheFailedStreakOnAGoodCheck() {
        this.state.record(false);
        this.state.record(false);
        this.state.record(true);
        this.state.record(false);
        this.state.record(false);

        assertThat(this.state.isUp()).isTrue();
        assertThat(this.state.record(false)).isEqualTo(Transition.WENT_DOWN);
    }

    @Test
    void shouldResetTheGoodStreakOnAFailedCheck() {
        goDown();

        this.state.record(true);
        this.state.record(false);
        this.state.record(true);

        assertThat(this.state.isUp()).isFalse();
        assertThat(this.state.record(true)).isEqualTo(Transition.CAME_UP);
    }

    @Test
    void shouldStartTheFailedStreakAfreshAfterComingBackUp() {
        goDown();
        this.state.record(true);
        this.state.record(true);

        this.state.record(false);
        this.state.record(false);

        assertThat(this.state.isUp()).isTrue();
        assertThat(this.state.record(false)).isEqualTo(Transition.WENT_DOWN);
    }

    @Test
    void shouldFollowEveryCheckWithRiseAndFallOfOne() {
        ReplicaState flapping = new ReplicaState(1, 1);

        assertThat(flapping.record(false)).isEqualTo(Transition.WENT_DOWN);
        assertThat(flapping.record(true)).isEqualTo(Transition.CAME_UP);
        assertThat(flapping.record(true)).isEqualTo(Transition.NONE);
        assertThat(flapping.isUp()).isTrue();
    }

    private void goDown() {
        this.state.record(false);
        this.state.record(false);
        assertThat(this.state.record(false)).isEqualTo(Transition.WENT_DOWN);
    }
}
