package com.westbethel.motel.adapters.messaging.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.notification.port.in.EmailQueueReport;
import com.westbethel.motel.application.notification.port.in.InspectEmailQueueUseCase;
import com.westbethel.motel.domain.notification.EmailStatus;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class EmailQueueMetricsTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final AtomicReference<EmailQueueReport> queue = new AtomicReference<>();
    private final InspectEmailQueueUseCase inspect = () -> {
        EmailQueueReport report = queue.get();
        if (report == null) {
            throw new IllegalStateException("database unavailable");
        }
        return report;
    };

    @Test
    void a_refresh_publishes_depth_per_status_and_the_oldest_wait() {
        EmailQueueMetrics metrics = new EmailQueueMetrics(inspect, registry);
        queue.set(new EmailQueueReport(Map.of(EmailStatus.QUEUED, 4L, EmailStatus.DEAD, 1L), 4, Duration.ofSeconds(75)));

        metrics.refreshQueueMetrics();

        assertThat(depth(EmailStatus.QUEUED)).isEqualTo(4);
        assertThat(depth(EmailStatus.DEAD)).isEqualTo(1);
        assertThat(depth(EmailStatus.RETRYING)).isZero();
        assertThat(registry.get("motel.email.queue.awaiting").gauge().value()).isEqualTo(4);
        assertThat(registry.get("motel.email.queue.oldest.wait").timeGauge().value(TimeUnit.SECONDS)).isEqualTo(75);
    }

    @Test
    void when_the_queue_cannot_be_read_the_last_figures_stay_and_the_failure_is_counted() {
        EmailQueueMetrics metrics = new EmailQueueMetrics(inspect, registry);
        queue.set(new EmailQueueReport(Map.of(EmailStatus.QUEUED, 2L), 2, Duration.ofSeconds(5)));
        metrics.refreshQueueMetrics();

        queue.set(null);
        metrics.refreshQueueMetrics();

        assertThat(depth(EmailStatus.QUEUED)).isEqualTo(2);
        assertThat(registry.get("motel.email.queue.inspection.failures").counter().count()).isEqualTo(1);
    }

    private double depth(EmailStatus status) {
        return registry.get("motel.email.queue.depth").tag("status", status.name()).gauge().value();
    }
}
