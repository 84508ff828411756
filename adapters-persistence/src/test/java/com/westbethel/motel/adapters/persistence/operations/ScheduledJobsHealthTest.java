package com.westbethel.motel.adapters.persistence.operations;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.adapters.persistence.SteppingClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;

/** Each job's last success, as a gauge and as the worker's {@code jobs} health component. */
class ScheduledJobsHealthTest {

    private static final Instant START = Instant.parse("2027-06-01T12:00:00Z");

    private final SteppingClock clock = new SteppingClock(START);
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final ScheduledJobRuns runs = new ScheduledJobRuns(meters, clock);
    private final ScheduledJobsHealthIndicator health = new ScheduledJobsHealthIndicator(runs, Duration.ofMinutes(5), clock);

    @Test
    void a_job_is_named_for_its_method_in_kebab_case() {
        assertThat(ScheduledJobRuns.name("expireHolds")).isEqualTo("expire-holds");
        assertThat(ScheduledJobRuns.name("com.westbethel.motel.bootstrap.worker.BookingHousekeepingConfiguration$HousekeepingSchedule.expireHolds"))
                .isEqualTo("expire-holds");
        assertThat(ScheduledJobRuns.name("refreshQueueMetrics")).isEqualTo("refresh-queue-metrics");
    }

    @Test
    void the_gauge_says_when_the_first_turn_was_due_until_the_first_success_then_its_epoch_second_and_a_failed_run_changes_nothing() throws Exception {
        runs.schedule("expire-holds", Duration.ofSeconds(30), Duration.ofSeconds(10));
        assertThat(lastSuccess("expire-holds")).as("start + initial delay, as the health indicator counts")
                .isEqualTo(START.plusSeconds(10).getEpochSecond());
        clock.advance(Duration.ofHours(5));
        failed("expireHolds");
        assertThat(lastSuccess("expire-holds")).as("failing since the start: the alert sees it 5 hours old")
                .isEqualTo(START.plusSeconds(10).getEpochSecond());

        succeeded("expireHolds");
        clock.advance(Duration.ofSeconds(30));
        failed("expireHolds");

        assertThat(lastSuccess("expire-holds")).isEqualTo(START.plus(Duration.ofHours(5)).getEpochSecond());
    }

    @Test
    void a_job_late_by_more_than_three_intervals_and_the_grace_makes_the_component_degraded_and_is_named() throws Exception {
        runs.schedule("expire-holds", Duration.ofSeconds(30), Duration.ofSeconds(10));
        runs.schedule("purge-idempotency-keys", Duration.ofHours(1), Duration.ofMinutes(2));
        clock.advance(Duration.ofSeconds(10));
        succeeded("expireHolds");

        clock.advance(Duration.ofMinutes(6).plusSeconds(30));
        assertThat(health.health().getStatus()).as("6.5 min: just within 3 x 30 s + 5 min").isEqualTo(Status.UP);

        clock.advance(Duration.ofSeconds(1));
        Health late = health.health();

        assertThat(late.getStatus()).isEqualTo(OperationalHealth.DEGRADED);
        assertThat(late.getDetails()).containsEntry("late", List.of("expire-holds"));
        Map<String, Map<String, Object>> jobs = jobs(late);
        assertThat(jobs.get("purge-idempotency-keys")).as("never run, but its first turn is hours away")
                .containsEntry("lastSuccess", "not yet").containsEntry("late", false);
        assertThat(jobs.get("expire-holds")).containsEntry("lastSuccess", START.plusSeconds(10).toString())
                .containsEntry("lateAfter", "PT6M30S");

        succeeded("expireHolds");
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
    }

    @Test
    void a_job_that_never_succeeded_is_late_counted_from_the_start_and_its_initial_delay() {
        runs.schedule("deliver-emails", Duration.ofSeconds(2), Duration.ofSeconds(5));

        clock.advance(Duration.ofSeconds(5 + 6 + 300));
        assertThat(health.health().getStatus()).isEqualTo(Status.UP);
        clock.advance(Duration.ofSeconds(1));
        assertThat(health.health().getStatus()).isEqualTo(OperationalHealth.DEGRADED);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Map<String, Object>> jobs(Health health) {
        return (Map<String, Map<String, Object>>) health.getDetails().get("jobs");
    }

    private double lastSuccess(String job) {
        return meters.get("motel.job.last.success").tag("job", job).gauge().value();
    }

    private void succeeded(String method) throws NoSuchMethodException {
        runs.onStop(context(method));
    }

    private void failed(String method) throws NoSuchMethodException {
        ScheduledTaskObservationContext context = context(method);
        context.setError(new IllegalStateException("PostgreSQL is down"));
        runs.onStop(context);
    }

    private static ScheduledTaskObservationContext context(String method) throws NoSuchMethodException {
        return new ScheduledTaskObservationContext(new Jobs(), Jobs.class.getDeclaredMethod(method));
    }

    /** Stands for a schedule bean: only its methods' names matter. */
    static final class Jobs {
        void expireHolds() {
        }
    }
}
