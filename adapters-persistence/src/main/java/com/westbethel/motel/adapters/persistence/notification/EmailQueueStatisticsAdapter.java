package com.westbethel.motel.adapters.persistence.notification;

import com.westbethel.motel.application.notification.port.out.EmailQueueStatistics;
import com.westbethel.motel.domain.notification.EmailStatus;
import java.time.OffsetDateTime;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Reads the depth of the {@code email_queue} outbox from PostgreSQL in one statement. */
public record EmailQueueStatisticsAdapter(JdbcClient jdbc) implements EmailQueueStatistics {

    @Override
    public List<StatusGroup> unsentEmailsByStatus() {
        return jdbc.sql("""
                        SELECT status, count(*) AS emails, min(created_at) AS oldest
                        FROM email_queue
                        WHERE status <> 'SENT'
                        GROUP BY status
                        """)
                .query((row, number) -> new StatusGroup(
                        EmailStatus.valueOf(row.getString("status")),
                        row.getLong("emails"),
                        row.getObject("oldest", OffsetDateTime.class).toInstant()))
                .list();
    }
}
