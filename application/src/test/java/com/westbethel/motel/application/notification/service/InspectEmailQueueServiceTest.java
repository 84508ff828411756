package com.westbethel.motel.application.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.notification.port.in.EmailQueueReport;
import com.westbethel.motel.application.notification.port.out.EmailQueueStatistics;
import com.westbethel.motel.application.notification.port.out.EmailQueueStatistics.StatusGroup;
import com.westbethel.motel.domain.notification.EmailStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class InspectEmailQueueServiceTest {

    private static final Instant NOW = Instant.parse("2027-06-01T12:00:00Z");
    private final Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);

    @Test
    void emails_queued_and_retrying_both_await_delivery_and_the_oldest_of_them_sets_the_wait() {
        EmailQueueStatistics statistics = () -> List.of(
                new StatusGroup(EmailStatus.QUEUED, 3, NOW.minusSeconds(30)),
                new StatusGroup(EmailStatus.RETRYING, 2, NOW.minusSeconds(90)),
                new StatusGroup(EmailStatus.DEAD, 1, NOW.minusSeconds(86_400)));

        EmailQueueReport report = new InspectEmailQueueService(statistics, clock).inspectEmailQueue();

        assertThat(report.awaitingDelivery()).isEqualTo(5);
        assertThat(report.oldestWait()).isEqualTo(Duration.ofSeconds(90));
        assertThat(report.count(EmailStatus.DEAD)).isEqualTo(1);
    }

    @Test
    void an_empty_queue_reports_zero_for_every_unsent_status_and_no_wait() {
        EmailQueueReport report = new InspectEmailQueueService(List::of, clock).inspectEmailQueue();

        assertThat(report.unsentByStatus())
                .containsOnlyKeys(EmailStatus.QUEUED, EmailStatus.SENDING, EmailStatus.RETRYING, EmailStatus.DEAD)
                .allSatisfy((status, count) -> assertThat(count).isZero());
        assertThat(report.awaitingDelivery()).isZero();
        assertThat(report.oldestWait()).isEqualTo(Duration.ZERO);
    }

    @Test
    void a_database_clock_ahead_of_ours_never_yields_a_negative_wait() {
        EmailQueueStatistics statistics = () -> List.of(new StatusGroup(EmailStatus.QUEUED, 1, NOW.plusMillis(300)));

        EmailQueueReport report = new InspectEmailQueueService(statistics, clock).inspectEmailQueue();

        assertThat(report.oldestWait()).isEqualTo(Duration.ZERO);
    }
}
