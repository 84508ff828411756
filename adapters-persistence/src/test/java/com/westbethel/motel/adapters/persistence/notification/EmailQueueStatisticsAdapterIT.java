package com.westbethel.motel.adapters.persistence.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.application.notification.port.out.EmailQueueStatistics.StatusGroup;
import com.westbethel.motel.domain.notification.EmailStatus;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class EmailQueueStatisticsAdapterIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private final JdbcClient jdbc = JdbcClient.create(TestDatabase.migrated());
    private final EmailQueueStatisticsAdapter adapter = new EmailQueueStatisticsAdapter(jdbc);

    @BeforeEach
    void emptyQueue() {
        jdbc.sql("DELETE FROM email_queue").update();
    }

    @Test
    void counts_unsent_emails_per_status_with_the_oldest_of_each() {
        queue("QUEUED", NOW.minusSeconds(60));
        queue("QUEUED", NOW.minusSeconds(600));
        queue("RETRYING", NOW.minusSeconds(300));
        queue("DEAD", NOW.minusSeconds(9000));

        List<StatusGroup> groups = adapter.unsentEmailsByStatus();

        assertThat(groups).containsExactlyInAnyOrder(
                new StatusGroup(EmailStatus.QUEUED, 2, NOW.minusSeconds(600)),
                new StatusGroup(EmailStatus.RETRYING, 1, NOW.minusSeconds(300)),
                new StatusGroup(EmailStatus.DEAD, 1, NOW.minusSeconds(9000)));
    }

    @Test
    void sent_emails_are_history_and_not_counted() {
        jdbc.sql("""
                        INSERT INTO email_queue (id, template, recipient, message_id, status, sent_at)
                        VALUES (:id, 'welcome-email', 'guest@example.com', :messageId, 'SENT', now())
                        """)
                .param("id", UUID.randomUUID())
                .param("messageId", "<" + UUID.randomUUID() + "@test>")
                .update();

        assertThat(adapter.unsentEmailsByStatus()).isEmpty();
    }

    @Test
    void an_empty_queue_has_no_groups() {
        assertThat(adapter.unsentEmailsByStatus()).isEmpty();
    }

    private void queue(String status, Instant createdAt) {
        jdbc.sql("""
                        INSERT INTO email_queue (id, template, recipient, message_id, status, created_at)
                        VALUES (:id, 'welcome-email', 'guest@example.com', :messageId, :status, :createdAt)
                        """)
                .param("id", UUID.randomUUID())
                .param("messageId", "<" + UUID.randomUUID() + "@test>")
                .param("status", status)
                .param("createdAt", OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC))
                .update();
    }
}
