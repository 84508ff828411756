package com.westbethel.motel.adapters.persistence.notification;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.instant;
import static com.westbethel.motel.adapters.persistence.support.Timestamps.optionalInstant;

import com.westbethel.motel.application.notification.port.out.EmailHistory;
import com.westbethel.motel.domain.notification.EmailStatus;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The emails queued about a booking, read from {@code email_queue} by the reference in their model (V25's index). Only the
 * envelope's facts are read: never the model, whose sealed entries are one-time links.
 */
public record JdbcEmailHistory(JdbcClient jdbc) implements EmailHistory {

    @Override
    public List<EmailRecord> aboutBooking(String reference, int limit) {
        return jdbc.sql("""
                        SELECT id, template, recipient, status, attempts, created_at, sent_at FROM email_queue
                        WHERE model ->> 'reference' = :reference
                        ORDER BY created_at DESC, id LIMIT :limit""")
                .param("reference", reference)
                .param("limit", limit)
                .query((row, number) -> new EmailRecord(row.getObject("id", UUID.class), row.getString("template"), row.getString("recipient"),
                        EmailStatus.valueOf(row.getString("status")), row.getInt("attempts"), instant(row, "created_at"),
                        optionalInstant(row, "sent_at")))
                .list();
    }
}
