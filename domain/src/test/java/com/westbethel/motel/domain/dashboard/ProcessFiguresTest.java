package com.westbethel.motel.domain.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessFiguresTest {

    private static final Instant NOW = Instant.parse("2030-02-01T12:00:35Z");
    private final Replica first = Replica.started("api-1");
    private final Replica second = Replica.started("api-2");
    private final List<MetricSample> samples = new ArrayList<>();

    @Test
    void rates_come_from_each_replicas_own_samples_and_add_up_over_the_replicas() {
        // api-1: 10 requests a second, 20 ms each, 1 error in 100; api-2: 5 a second at 40 ms, no error; its clock 3 s behind.
        for (int step = 0; step <= 6; step++) {
            sample(first, NOW.minusSeconds(60 - 10L * step), 100L * step, step, 2_000L * step, 2, 90L * step, 10L * step);
            sample(second, NOW.minusSeconds(63 - 10L * step), 50L * step, 0, 2_000L * step, 3, 10L * step, 10L * step);
        }

        ProcessFigures figures = ProcessFigures.of(samples, NOW);

        assertThat(figures.requestsPerSecond()).isEqualByComparingTo("15.00");
        // Six intervals of each in the last minute: (20 ms x 600 + 40 ms x 300) / 900 = 26.7 ms; 6 errors in 900.
        assertThat(figures.averageResponseTimeMs()).hasValueSatisfying(average -> assertThat(average).isBetween(new BigDecimal("26"),
                new BigDecimal("28")));
        assertThat(figures.errorRate()).hasValueSatisfying(rate -> assertThat(rate).isBetween(new BigDecimal("0.006"), new BigDecimal("0.007")));
        assertThat(figures.dbConnectionsActive()).isEqualTo(5);
        assertThat(figures.cacheHitRatio()).contains(new BigDecimal("0.8333"));
        assertThat(figures.replicas()).extracting(live -> live.replica().name()).containsExactlyInAnyOrder("api-1", "api-2");
        assertThat(figures.series()).hasSize(60);
        assertThat(figures.series().get(59).minute()).isEqualTo(Instant.parse("2030-02-01T12:00:00Z"));
    }

    @Test
    void a_replica_that_stopped_sampling_drops_out_of_the_headline_but_stays_in_the_series() {
        for (int step = 0; step <= 6; step++) {
            sample(first, NOW.minusSeconds(60 - 10L * step), 100L * step, 0, 1_000L * step, 2, 0, 0);
        }
        for (int step = 0; step <= 3; step++) {
            sample(second, NOW.minusSeconds(120 - 10L * step), 1_000L * step, 0, 1_000L * step, 7, 0, 0);
        }

        ProcessFigures figures = ProcessFigures.of(samples, NOW);

        assertThat(figures.requestsPerSecond()).isEqualByComparingTo("10.00");
        assertThat(figures.dbConnectionsActive()).isEqualTo(2);
        assertThat(figures.replicas()).extracting(live -> live.replica().name()).containsExactly("api-1");
        assertThat(figures.series().get(57).requestsPerSecond()).as("12:58, when api-2 still served 100 a second").isEqualByComparingTo("100.00");
    }

    @Test
    void a_restarted_process_never_gives_a_negative_rate() {
        // The same replica id whose counters went back to zero (a reset under the same id), then a new id after a restart.
        sample(first, NOW.minusSeconds(40), 5_000, 50, 50_000, 1, 500, 500);
        sample(first, NOW.minusSeconds(30), 5_100, 50, 51_000, 1, 510, 500);
        sample(first, NOW.minusSeconds(20), 10, 0, 100, 1, 0, 0);
        sample(first, NOW.minusSeconds(10), 60, 0, 600, 1, 10, 0);
        Replica restarted = Replica.started("api-1");
        sample(restarted, NOW.minusSeconds(5), 0, 0, 0, 1, 0, 0);
        sample(restarted, NOW, 20, 0, 200, 1, 0, 0);

        ProcessFigures figures = ProcessFigures.of(samples, NOW);

        assertThat(figures.requestsPerSecond().signum()).isPositive();
        // api-1: (100 + 50) requests over 20 s = 7.5 a second; the restarted one: 20 over 5 s = 4.
        assertThat(figures.requestsPerSecond()).isEqualByComparingTo("11.50");
        assertThat(figures.errorRate()).contains(new BigDecimal("0.0000"));
        assertThat(figures.series()).allSatisfy(minute -> assertThat(minute.requestsPerSecond().signum()).isNotNegative());
    }

    @Test
    void without_samples_there_are_no_averages_and_no_replicas() {
        ProcessFigures figures = ProcessFigures.of(List.of(), NOW);

        assertThat(figures.requestsPerSecond()).isEqualByComparingTo("0");
        assertThat(figures.averageResponseTimeMs()).isEmpty();
        assertThat(figures.errorRate()).isEmpty();
        assertThat(figures.cacheHitRatio()).isEmpty();
        assertThat(figures.replicas()).isEmpty();
    }

    private void sample(Replica replica, Instant at, long requests, long errors, long timeMs, int dbActive, long hits, long misses) {
        samples.add(new MetricSample(replica, at, new ProcessTotals(requests, errors, timeMs, dbActive, 10, 0, hits, misses)));
    }
}
