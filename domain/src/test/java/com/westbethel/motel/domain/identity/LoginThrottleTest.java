package com.westbethel.motel.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {

    private final LoginThrottle throttle = LoginThrottle.addressAndAccount();

    @Test
    void the_first_four_failures_cost_nothing() {
        for (int failures = 0; failures < 5; failures++) {
            assertThat(throttle.lockAfter(failures)).as("%d failures", failures).isEmpty();
        }
    }

    @Test
    void each_failure_after_the_free_ones_doubles_the_lock() {
        assertThat(throttle.lockAfter(5)).contains(Duration.ofSeconds(30));
        assertThat(throttle.lockAfter(6)).contains(Duration.ofMinutes(1));
        assertThat(throttle.lockAfter(7)).contains(Duration.ofMinutes(2));
        assertThat(throttle.lockAfter(9)).contains(Duration.ofMinutes(8));
    }

    @Test
    void the_lock_never_grows_past_its_ceiling_however_long_the_attack() {
        assertThat(throttle.lockAfter(10)).contains(Duration.ofMinutes(15));
        assertThat(throttle.lockAfter(10_000)).contains(Duration.ofMinutes(15));
    }

    @Test
    void one_address_gets_more_room_before_it_is_slowed_down() {
        assertThat(LoginThrottle.address().lockAfter(29)).isEmpty();
        assertThat(LoginThrottle.address().lockAfter(30)).contains(Duration.ofMinutes(1));
    }

    @Test // Account pace review, finding 1: a pace's turn is claimed before the check, so its wait is known in advance
    void a_pace_has_a_fixed_spacing_and_a_doubling_throttle_has_none() {
        assertThat(LoginThrottle.accountPace(10).spacing()).isEqualTo(Duration.ofSeconds(40));
        assertThatThrownBy(() -> LoginThrottle.addressAndAccount().spacing()).isInstanceOf(IllegalStateException.class);
    }
}
