package com.westbethel.motel.adapters.persistence.operations;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.scheduling.config.IntervalTask;
import org.springframework.scheduling.config.ScheduledTask;
import org.springframework.scheduling.support.ScheduledTaskObservationContext;

/**
 * When each scheduled job of this process last ran to the end without an exception, from Spring's observation of every
 * {@code @Scheduled} run. A job is named for its method, in kebab case ({@code expireHolds} is {@code expire-holds}).
 * Published as {@code motel.job.last.success} (tag {@code job}, epoch seconds), and read by {@link ScheduledJobsHealthIndicator}.
 * Until a job's first success the gauge says when its first turn was due (the process's start plus the job's initial
 * delay), the rule the health indicator uses: a job that fails on every run after a restart is then late as any other,
 * while one that has not had its first turn yet is not (every limit is far above any initial delay). A job whose schedule
 * is not known yet reads NaN until it succeeds.
 */
public class ScheduledJobRuns implements ObservationHandler<ScheduledTaskObservationContext> {

    private final MeterRegistry registry;
    private final Clock clock;
    private final Instant started;
    private final Map<String, Job> jobs = new ConcurrentHashMap<>();

    public ScheduledJobRuns(MeterRegistry registry, Clock clock) {
        this.registry = registry;
        this.clock = clock;
        this.started = clock.instant();
    }

    /** Learns the schedules once the scheduler has them: each fixed-delay or fixed-rate job, with its interval. */
    public void schedules(Collection<ScheduledTask> tasks) {
        for (ScheduledTask scheduled : tasks) {
            if (scheduled.getTask() instanceof IntervalTask task) {
                schedule(name(task.getRunnable().toString()), task.getIntervalDuration(), task.getInitialDelayDuration());
            }
        }
    }

    /** A job that runs every {@code interval}, first after {@code initialDelay}. */
    public void schedule(String job, Duration interval, Duration initialDelay) {
        job(job).schedule = Optional.of(new Schedule(interval, initialDelay));
    }

    @Override
    public boolean supportsContext(Observation.Context context) {
        return context instanceof ScheduledTaskObservationContext;
    }

    @Override
    public void onStop(ScheduledTaskObservationContext context) {
        if (context.getError() == null) {
            job(name(context.getMethod().getName())).lastSuccess.set(clock.instant());
        }
    }

    /** Every job seen so far, by name. */
    public List<JobState> jobs() {
        return jobs.entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(entry -> new JobState(entry.getKey(), entry.getValue().schedule, Optional.ofNullable(entry.getValue().lastSuccess.get())))
                .toList();
    }

    /** When this process started: a job that has never succeeded is judged from it. */
    public Instant started() {
        return started;
    }

    private Job job(String name) {
        return jobs.computeIfAbsent(name, key -> {
            Job job = new Job();
            Gauge.builder("motel.job.last.success", job, this::lastSuccessOrFirstTurn)
                    .description("When the scheduled job last ran without an exception (epoch seconds)")
                    .baseUnit("seconds")
                    .tag("job", key)
                    .register(registry);
            return job;
        });
    }

    private double lastSuccessOrFirstTurn(Job job) {
        Instant last = job.lastSuccess.get();
        if (last == null) {
            Optional<Schedule> schedule = job.schedule;
            if (schedule.isEmpty()) {
                return Double.NaN;
            }
            last = started.plus(schedule.get().initialDelay());
        }
        return last.toEpochMilli() / 1000.0;
    }

    /** {@code expireHolds}, or {@code HousekeepingSchedule.expireHolds} as a scheduled task names itself, is {@code expire-holds}. */
    static String name(String method) {
        String bare = method.substring(method.lastIndexOf('.') + 1);
        return bare.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    private static final class Job {
        private final AtomicReference<Instant> lastSuccess = new AtomicReference<>();
        private volatile Optional<Schedule> schedule = Optional.empty();
    }

    public record Schedule(Duration interval, Duration initialDelay) {
    }

    public record JobState(String name, Optional<Schedule> schedule, Optional<Instant> lastSuccess) {
    }
}
