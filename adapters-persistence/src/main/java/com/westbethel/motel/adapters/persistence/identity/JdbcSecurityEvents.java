package com.westbethel.motel.adapters.persistence.identity;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.instant;
import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.identity.port.out.SecurityEvents;
import com.westbethel.motel.domain.identity.UserId;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The security log in {@code security_events}. */
public record JdbcSecurityEvents(JdbcClient jdbc) implements SecurityEvents {

    private static final int MAX_USER_AGENT = 512;

    @Override
    public void record(SecurityEvent event) {
        String userAgent = event.userAgent() == null ? "" : event.userAgent();
        jdbc.sql("""
                        INSERT INTO security_events (user_id, email, type, ip_address, user_agent, occurred_at)
                        VALUES (:userId, :email, :type, :ip, :userAgent, :occurredAt)
                        """)
                .param("userId", event.user().map(UserId::value).orElse(null))
                .param("email", event.email().length() > 254 ? event.email().substring(0, 254) : event.email())
                .param("type", event.type().name())
                .param("ip", event.ipAddress())
                .param("userAgent", userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent)
                .param("occurredAt", utc(event.occurredAt()))
                .update();
    }

    @Override
    public List<SecurityEvent> recentOf(UserId user, int limit) {
        return jdbc.sql("""
                        SELECT user_id, email, type, ip_address, user_agent, occurred_at FROM security_events
                        WHERE user_id = :userId ORDER BY occurred_at DESC, id DESC LIMIT :limit
                        """)
                .param("userId", user.value())
                .param("limit", limit)
                .query(JdbcSecurityEvents::event)
                .list();
    }

    @Override
    public Optional<SecurityEvent> lastLogin(UserId user) {
        return jdbc.sql("""
                        SELECT user_id, email, type, ip_address, user_agent, occurred_at FROM security_events
                        WHERE user_id = :userId AND type = 'LOGIN_SUCCEEDED' ORDER BY occurred_at DESC, id DESC LIMIT 1
                        """)
                .param("userId", user.value())
                .query(JdbcSecurityEvents::event)
                .optional();
    }

    private static SecurityEvent event(ResultSet row, int number) throws SQLException {
        return new SecurityEvent(Optional.of(new UserId(row.getObject("user_id", UUID.class))), row.getString("email"),
                Type.valueOf(row.getString("type")), row.getString("ip_address"), row.getString("user_agent"), instant(row, "occurred_at"));
    }
}
