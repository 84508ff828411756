package com.westbethel.motel.application.notification.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.notification.port.in.AdministerEmailQueueUseCase.RetryResult;
import com.westbethel.motel.application.notification.port.out.EmailQueueMaintenance;
import com.westbethel.motel.application.support.RecordingAuditLog;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Dead emails sent again, by motel-admin or an admin in the staff console, and what was sent lately. */
class AdministerEmailQueueServiceTest {

    private static final Instant NOW = Instant.parse("2027-06-01T12:00:00Z");
    private static final String ADMIN = "admin:6f1c1f0e-8a4b-4c55-9d7e-2b1a6f0c9d11";

    private final InMemoryQueue queue = new InMemoryQueue();
    private final RecordingAuditLog auditLog = new RecordingAuditLog();
    private final AdministerEmailQueueService administration = new AdministerEmailQueueService(queue, auditLog, Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void a_dead_receipt_is_queued_again_and_the_retry_is_audited_under_whoever_asked() {
        // given
        UUID receipt = queue.add("payment-receipt", "DEAD");

        // when
        RetryResult result = administration.retry(receipt, ADMIN);

        // then
        assertThat(result).isEqualTo(RetryResult.QUEUED);
        assertThat(queue.statusOf(receipt)).isEqualTo("RETRYING");
        assertThat(auditLog.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("EMAIL_REQUEUED");
            assertThat(entry.actor()).isEqualTo(ADMIN);
            assertThat(entry.entityId()).isEqualTo(receipt.toString());
        });
    }

    @Test
    void an_email_that_is_missing_alive_or_carried_a_scrubbed_link_is_not_sent_again_nor_audited() {
        // given
        UUID waiting = queue.add("payment-receipt", "RETRYING");
        UUID reset = queue.add("password-reset", "DEAD");

        // then
        assertThat(administration.retry(UUID.randomUUID(), ADMIN)).isEqualTo(RetryResult.NOT_FOUND);
        assertThat(administration.retry(waiting, ADMIN)).isEqualTo(RetryResult.NOT_DEAD);
        assertThat(administration.retry(reset, ADMIN)).isEqualTo(RetryResult.LINK_SCRUBBED);
        assertThat(queue.statusOf(reset)).isEqualTo("DEAD");
        assertThat(auditLog.entries()).isEmpty();
    }

    @Test
    void every_dead_email_that_can_be_sent_is_queued_again_in_one_audited_step() {
        // given
        queue.add("payment-receipt", "DEAD");
        queue.add("booking-confirmation", "DEAD");
        queue.add("email-verification", "DEAD");

        // when
        int queued = administration.retryAllDead(ADMIN);

        // then
        assertThat(queued).isEqualTo(2);
        assertThat(auditLog.entries()).singleElement().satisfies(entry -> assertThat(entry.after()).containsEntry("emails", "2"));
        assertThat(administration.retryAllDead(ADMIN)).isZero();
        assertThat(auditLog.entries()).hasSize(1);
    }

    @Test
    void the_sent_count_covers_the_window_back_from_now() {
        // when
        administration.sentWithin(Duration.ofHours(24));

        // then
        assertThat(queue.sentSinceAsked).containsExactly(NOW.minus(Duration.ofHours(24)));
    }

    /** The queue's rows by id: template and status. */
    private static final class InMemoryQueue implements EmailQueueMaintenance {

        private final Map<UUID, String[]> rows = new LinkedHashMap<>();
        private final List<Instant> sentSinceAsked = new ArrayList<>();

        UUID add(String template, String status) {
            UUID id = UUID.randomUUID();
            rows.put(id, new String[] {template, status});
            return id;
        }

        String statusOf(UUID id) {
            return rows.get(id)[1];
        }

        @Override
        public List<DeadEmail> dead(int limit) {
            return rows.entrySet().stream().filter(row -> row.getValue()[1].equals("DEAD")).limit(limit)
                    .map(row -> new DeadEmail(row.getKey(), row.getValue()[0], "anna@example.com", 5, "550 no such user", NOW)).toList();
        }

        @Override
        public Optional<String> status(UUID id) {
            return Optional.ofNullable(rows.get(id)).map(row -> row[1]);
        }

        @Override
        public int requeueDead(Optional<UUID> only, Collection<String> except, Instant now) {
            int requeued = 0;
            for (Map.Entry<UUID, String[]> row : rows.entrySet()) {
                boolean chosen = only.map(id -> id.equals(row.getKey())).orElse(true);
                if (chosen && row.getValue()[1].equals("DEAD") && !except.contains(row.getValue()[0])) {
                    row.getValue()[1] = "RETRYING";
                    requeued++;
                }
            }
            return requeued;
        }

        @Override
        public int deleteSentBefore(Instant before) {
            return 0;
        }

        @Override
        public long sentSince(Instant since) {
            sentSinceAsked.add(since);
            return 0;
        }
    }
}
