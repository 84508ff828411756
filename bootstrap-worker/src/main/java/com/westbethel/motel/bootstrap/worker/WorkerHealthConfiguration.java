package com.westbethel.motel.bootstrap.worker;

import com.westbethel.motel.adapters.persistence.notification.OutboxHealthIndicator;
import com.westbethel.motel.adapters.persistence.operations.MemoryHealthConfiguration;
import com.westbethel.motel.adapters.persistence.operations.ScheduledJobRuns;
import com.westbethel.motel.adapters.persistence.operations.ScheduledJobsHealthIndicator;
import com.westbethel.motel.application.notification.port.in.InspectEmailQueueUseCase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.config.ScheduledTaskHolder;

/**
 * The worker's own health components beside Boot's (db, redis, mail): {@code outbox}, {@code jobs} and {@code memory}, each
 * DEGRADED (HTTP 200) rather than DOWN when it finds something wrong, and none of them in the readiness group (README,
 * "Metrics and health"); and the {@code motel.job.last.success} gauge of every scheduled job.
 */
@Configuration(proxyBeanMethods = false)
@Import(MemoryHealthConfiguration.class)
class WorkerHealthConfiguration {

    @Bean
    ScheduledJobRuns scheduledJobRuns(MeterRegistry registry, Clock clock) {
        return new ScheduledJobRuns(registry, clock);
    }

    /** The scheduler has every job once the context is refreshed; each then gets its gauge and its interval. */
    @Bean
    ApplicationListener<ApplicationReadyEvent> scheduledJobsKnown(ScheduledJobRuns runs, ObjectProvider<ScheduledTaskHolder> schedulers) {
        return ready -> schedulers.orderedStream().forEach(scheduler -> runs.schedules(scheduler.getScheduledTasks()));
    }

    @Bean
    ScheduledJobsHealthIndicator jobsHealthIndicator(ScheduledJobRuns runs, @Value("${motel.worker.health.job-grace:5m}") Duration grace,
            Clock clock) {
        return new ScheduledJobsHealthIndicator(runs, grace, clock);
    }

    @Bean
    OutboxHealthIndicator outboxHealthIndicator(InspectEmailQueueUseCase inspectEmailQueue,
            @Value("${motel.worker.health.outbox-max-age:15m}") Duration maxAge) {
        return new OutboxHealthIndicator(inspectEmailQueue, maxAge);
    }
}
