package com.westbethel.motel.adapters.persistence.notification;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.instant;
import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.notification.port.out.EmailQueueMaintenance;
import com.westbethel.motel.application.notification.port.out.EmailQueueMaintenance.DeadEmail;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Maintenance statements over {@code email_queue}. */
public record JdbcEmailQueueMaintenance(JdbcClient jdbc) implements EmailQueueMaintenance {

    @Override
    public List<DeadEmail> dead(int limit) {
        return jdbc.sql("""
                        SELECT id, template, recipient, attempts, coalesce(last_error, '') AS last_error, created_at
                        FROM email_queue WHERE status = 'DEAD' ORDER BY created_at DESC LIMIT :limit""")
                .param("limit", limit)
                .query((row, number) -> new DeadEmail(row.getObject("id", UUID.class), row.getString("template"), row.getString("recipient"),
                        row.getInt("attempts"), row.getString("last_error"), instant(row, "created_at")))
                .list();
    }

    @Override
    public Optional<String> status(UUID id) {
        return jdbc.sql("SELECT status FROM email_queue WHERE id = :id").param("id", id).query(String.class).optional();
    }

    @Override
    public int requeueDead(Optional<UUID> only, Collection<String> except, Instant now) {
        return jdbc.sql("""
                        UPDATE email_queue SET status = 'RETRYING', attempts = 0, next_attempt_at = :now
                        WHERE status = 'DEAD' AND (CAST(:id AS uuid) IS NULL OR id = :id) AND template <> ALL (:except)""")
                .param("now", utc(now))
                .param("id", only.orElse(null))
                .param("except", except.toArray(String[]::new))
                .update();
    }

    @Override
    public int deleteSentBefore(Instant before) {
        return jdbc.sql("DELETE FROM email_queue WHERE status = 'SENT' AND sent_at < :before").param("before", utc(before)).update();
    }

    @Override
    public long sentSince(Instant since) {
        return jdbc.sql("SELECT count(*) FROM email_queue WHERE status = 'SENT' AND sent_at >= :since").param("since", utc(since))
                .query(Long.class).single();
    }
}
