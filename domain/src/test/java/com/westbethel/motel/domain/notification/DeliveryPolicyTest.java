package com.westbethel.motel.domain.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class DeliveryPolicyTest {

    private static final Instant NOW = Instant.parse("2027-06-01T12:00:00Z");
    private final DeliveryPolicy policy = DeliveryPolicy.defaults();

    @Test
    void each_failure_doubles_the_wait_up_to_an_hour() {
        assertThat(policy.nextAttempt(1, NOW, 0)).contains(NOW.plusSeconds(30));
        assertThat(policy.nextAttempt(2, NOW, 0)).contains(NOW.plusSeconds(60));
        assertThat(policy.nextAttempt(3, NOW, 0)).contains(NOW.plusSeconds(120));
        assertThat(policy.nextAttempt(7, NOW, 0)).contains(NOW.plus(Duration.ofMinutes(32)));
        assertThat(new DeliveryPolicy(20, Duration.ofSeconds(30), Duration.ofHours(1)).nextAttempt(12, NOW, 0)).contains(NOW.plus(Duration.ofHours(1)));
    }

    @Test
    void jitter_adds_at_most_a_fifth() {
        assertThat(policy.nextAttempt(1, NOW, 0.999)).hasValueSatisfying(at -> assertThat(at).isBetween(NOW.plusSeconds(30), NOW.plusSeconds(36)));
    }

    @Test
    void after_the_last_attempt_the_email_is_dead() {
        assertThat(policy.nextAttempt(8, NOW, 0)).isEmpty();
    }
}
