package com.westbethel.motel.adapters.persistence.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/** The heap of this very JVM, judged against thresholds it is sure to be under, and over. */
class MemoryHeadroomHealthIndicatorTest {

    @Test
    void a_heap_under_the_threshold_is_up_with_its_figures() {
        Health health = new MemoryHeadroomHealthIndicator(1.0).health();

        assertThat(health.getStatus()).isEqualTo(Status.UP);
        assertThat((Long) health.getDetails().get("heapUsed")).isPositive();
        assertThat((Long) health.getDetails().get("heapMax")).isGreaterThanOrEqualTo((Long) health.getDetails().get("heapUsed"));
        assertThat((Double) health.getDetails().get("usedFraction")).isBetween(0.0, 1.0);
        assertThat(health.getDetails()).containsEntry("maxUsedFraction", 1.0).containsKey("judgedOn");
    }

    @Test
    void a_heap_over_the_threshold_is_degraded_not_down() {
        System.gc(); // so that there is a collection to judge on, as in a running process
        Health health = new MemoryHeadroomHealthIndicator(0.000_001).health();

        assertThat(health.getStatus()).isEqualTo(OperationalHealth.DEGRADED);
    }

    @Test
    void a_threshold_that_is_not_a_fraction_is_refused() {
        assertThatThrownBy(() -> new MemoryHeadroomHealthIndicator(90)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new MemoryHeadroomHealthIndicator(0)).isInstanceOf(IllegalArgumentException.class);
    }
}
