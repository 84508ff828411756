package com.westbethel.motel.adapters.messaging.notification;

import com.westbethel.motel.application.notification.port.in.EmailQueueReport;
import com.westbethel.motel.application.notification.port.in.InspectEmailQueueUseCase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.TimeGauge;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Publishes the email outbox's depth per status and the age of its oldest waiting email, read from
 * PostgreSQL on a schedule. Every worker replica publishes the same figures; dashboards take the max.
 */
public class EmailQueueMetrics {

    private static final Logger log = LoggerFactory.getLogger(EmailQueueMetrics.class);

    private final InspectEmailQueueUseCase inspectEmailQueue;
    private final MultiGauge depth;
    private final AtomicLong awaitingDelivery = new AtomicLong();
    private final AtomicLong oldestWaitMillis = new AtomicLong();
    private final Counter inspectionFailures;

    public EmailQueueMetrics(InspectEmailQueueUseCase inspectEmailQueue, MeterRegistry registry) {
        this.inspectEmailQueue = inspectEmailQueue;
        this.depth = MultiGauge.builder("motel.email.queue.depth")
                .description("Unsent emails in the outbox, by status")
                .baseUnit("emails")
                .register(registry);
        registry.gauge("motel.email.queue.awaiting", Tags.empty(), awaitingDelivery);
        TimeGauge.builder("motel.email.queue.oldest.wait", oldestWaitMillis, TimeUnit.MILLISECONDS, AtomicLong::doubleValue)
                .description("How long the oldest email awaiting delivery has waited")
                .register(registry);
        this.inspectionFailures = Counter.builder("motel.email.queue.inspection.failures")
                .description("Times the outbox could not be read, for example with the database down")
                .register(registry);
    }

    @Scheduled(fixedDelayString = "${motel.worker.queue-metrics-interval:15s}", initialDelayString = "${motel.worker.queue-metrics-initial-delay:0s}")
    public void refreshQueueMetrics() {
        EmailQueueReport report;
        try {
            report = inspectEmailQueue.inspectEmailQueue();
        } catch (RuntimeException e) {
            // The figures keep their last values; the counter and the log say they are stale.
            inspectionFailures.increment();
            log.warn("Cannot read the email queue for its metrics: {}", e.getMessage());
            return;
        }
        depth.register(report.unsentByStatus().entrySet().stream()
                .map(entry -> MultiGauge.Row.of(Tags.of("status", entry.getKey().name()), entry.getValue()))
                .toList(), true);
        awaitingDelivery.set(report.awaitingDelivery());
        oldestWaitMillis.set(report.oldestWait().toMillis());
    }
}
