package com.westbethel.motel.adapters.persistence.notification;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.application.notification.port.out.EmailHistory.EmailRecord;
import com.westbethel.motel.domain.notification.EmailStatus;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The emails about a booking, found in the outbox by the reference their model carries, newest first, without their model. */
class JdbcEmailHistoryIT {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MICROS);

    private final JdbcClient jdbc = JdbcClient.create(TestDatabase.migrated());
    private final JdbcEmailHistory history = new JdbcEmailHistory(jdbc);

    @Test
    void finds_the_bookings_emails_newest_first_with_their_status_and_times_and_none_of_another_booking() {
        String reference = "WB-" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        UUID confirmation = queue("booking-confirmation", reference, "SENT", NOW.minusSeconds(600), Optional.of(NOW.minusSeconds(590)));
        UUID cancelled = queue("booking-cancelled", reference, "RETRYING", NOW.minusSeconds(60), Optional.empty());
        queue("booking-confirmation", "WB-OTHER" + reference.substring(3), "SENT", NOW.minusSeconds(30), Optional.of(NOW.minusSeconds(29)));
        queue("welcome-email", null, "QUEUED", NOW, Optional.empty());

        List<EmailRecord> found = history.aboutBooking(reference, 10);

        assertThat(found).containsExactly(
                new EmailRecord(cancelled, "booking-cancelled", "guest@example.com", EmailStatus.RETRYING, 2, NOW.minusSeconds(60), Optional.empty()),
                new EmailRecord(confirmation, "booking-confirmation", "guest@example.com", EmailStatus.SENT, 2, NOW.minusSeconds(600), Optional.of(NOW.minusSeconds(590))));
        assertThat(history.aboutBooking(reference, 1)).extracting(EmailRecord::id).containsExactly(cancelled);
    }

    private UUID queue(String template, String reference, String status, Instant createdAt, Optional<Instant> sentAt) {
        UUID id = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO email_queue (id, template, recipient, model, message_id, status, attempts, created_at, sent_at)
                        VALUES (:id, :template, 'guest@example.com', CAST(:model AS jsonb), :messageId, :status, 2, :createdAt, :sentAt)""")
                .param("id", id)
                .param("template", template)
                .param("model", reference == null ? "{}" : "{\"reference\": \"" + reference + "\", \"manageUrl\": \"sealed\"}")
                .param("messageId", "<" + id + "@test>")
                .param("status", status)
                .param("createdAt", createdAt.atOffset(ZoneOffset.UTC))
                .param("sentAt", sentAt.map(at -> at.atOffset(ZoneOffset.UTC)).orElse(null))
                .update();
        return id;
    }
}
