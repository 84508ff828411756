package com.westbethel.motel.adapters.persistence.notification;

import com.westbethel.motel.adapters.persistence.operations.OperationalHealth;
import com.westbethel.motel.application.notification.port.in.EmailQueueReport;
import com.westbethel.motel.application.notification.port.in.InspectEmailQueueUseCase;
import java.time.Duration;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;

/**
 * The worker's outbox: {@link OperationalHealth#DEGRADED} while the oldest email awaiting delivery has waited longer than
 * {@code maxAge} (the SMTP server refuses or cannot be reached, or delivery cannot keep up), {@code UP} otherwise. It is kept
 * out of readiness: the emails wait safely in PostgreSQL, and the worker can still do everything else. The metric
 * {@code motel_email_queue_oldest_wait_seconds} tells the alerts the same.
 */
public class OutboxHealthIndicator extends AbstractHealthIndicator {

    private final InspectEmailQueueUseCase inspectEmailQueue;
    private final Duration maxAge;

    public OutboxHealthIndicator(InspectEmailQueueUseCase inspectEmailQueue, Duration maxAge) {
        super("The email outbox could not be read");
        this.inspectEmailQueue = inspectEmailQueue;
        this.maxAge = maxAge;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        EmailQueueReport report = inspectEmailQueue.inspectEmailQueue();
        builder.status(report.oldestWait().compareTo(maxAge) > 0 ? OperationalHealth.DEGRADED : Status.UP)
                .withDetail("awaitingDelivery", report.awaitingDelivery())
                .withDetail("oldestWait", report.oldestWait().toString())
                .withDetail("maxAge", maxAge.toString());
    }
}
