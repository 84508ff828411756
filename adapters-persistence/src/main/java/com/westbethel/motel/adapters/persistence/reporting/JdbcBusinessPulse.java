package com.westbethel.motel.adapters.persistence.reporting;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.instant;
import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.dashboard.port.out.BusinessPulse;
import com.westbethel.motel.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The dashboard's business figures, each one indexed statement over the system of record. */
public record JdbcBusinessPulse(JdbcClient jdbc) implements BusinessPulse {

    @Override
    public Map<Instant, Long> bookingsPerMinuteSince(Instant since) {
        Map<Instant, Long> perMinute = new LinkedHashMap<>();
        jdbc.sql("""
                        SELECT date_trunc('minute', created_at) AS minute, count(*) AS made
                        FROM bookings WHERE created_at >= :since
                        GROUP BY 1 ORDER BY 1
                        """)
                .param("since", utc(since))
                .query(row -> {
                    perMinute.put(instant(row, "minute"), row.getLong("made"));
                });
        return perMinute;
    }

    @Override
    public Money takings(Instant from, Instant until, Currency currency) {
        BigDecimal net = jdbc.sql("""
                        SELECT coalesce((SELECT sum(amount) FROM payments
                                         WHERE status = 'SUCCEEDED' AND currency = :currency AND completed_at >= :from AND completed_at < :until), 0)
                             - coalesce((SELECT sum(refunded) FROM payments
                                         WHERE refunded > 0 AND status = 'SUCCEEDED' AND currency = :currency
                                           AND refunded_at >= :from AND refunded_at < :until), 0)
                        """)
                .param("currency", currency.getCurrencyCode())
                .param("from", utc(from))
                .param("until", utc(until))
                .query(BigDecimal.class)
                .single();
        return new Money(net, currency);
    }

    @Override
    public Sessions activeSessions(Instant seenSince) {
        return jdbc.sql("SELECT count(*) AS sessions, count(DISTINCT user_id) AS users FROM user_sessions WHERE ended_at IS NULL AND last_seen_at >= :since")
                .param("since", utc(seenSince))
                .query((row, number) -> new Sessions(row.getLong("sessions"), row.getLong("users")))
                .single();
    }
}
