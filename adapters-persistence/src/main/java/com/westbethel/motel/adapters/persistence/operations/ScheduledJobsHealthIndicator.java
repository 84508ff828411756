package com.westbethel.motel.adapters.persistence.operations;

import com.westbethel.motel.adapters.persistence.operations.ScheduledJobRuns.JobState;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The worker's scheduled jobs: {@link OperationalHealth#DEGRADED}, naming the jobs, when one has not succeeded for longer
 * than three of its intervals plus {@code grace} (counted from the process's start and the job's initial delay until its
 * first success). Three intervals, since a run that takes long (a batch of slow SMTP sends) delays the next; the grace
 * covers a short database failover. A late job fails or hangs on every turn: the detail says since when; the log says why.
 */
public class ScheduledJobsHealthIndicator extends AbstractHealthIndicator {

    private final ScheduledJobRuns runs;
    private final Duration grace;
    private final Clock clock;

    public ScheduledJobsHealthIndicator(ScheduledJobRuns runs, Duration grace, Clock clock) {
        super("The scheduled jobs could not be inspected");
        this.runs = runs;
        this.grace = grace;
        this.clock = clock;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        Instant now = clock.instant();
        List<String> late = new ArrayList<>();
        Map<String, Object> jobs = new LinkedHashMap<>();
        for (JobState job : runs.jobs()) {
            if (job.schedule().isEmpty()) {
                continue;
            }
            ScheduledJobRuns.Schedule schedule = job.schedule().get();
            Instant since = job.lastSuccess().orElse(runs.started().plus(schedule.initialDelay()));
            Duration allowed = schedule.interval().multipliedBy(3).plus(grace);
            boolean isLate = Duration.between(since, now).compareTo(allowed) > 0;
            if (isLate) {
                late.add(job.name());
            }
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("lastSuccess", job.lastSuccess().map(Instant::toString).orElse("not yet"));
            detail.put("interval", schedule.interval().toString());
            detail.put("lateAfter", allowed.toString());
            detail.put("late", isLate);
            jobs.put(job.name(), detail);
        }
        builder.status(late.isEmpty() ? Status.UP : OperationalHealth.DEGRADED).withDetail("jobs", jobs);
        if (!late.isEmpty()) {
            builder.withDetail("late", late);
        }
    }
}
