package com.westbethel.motel.adapters.persistence.identity;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.identity.port.out.IdentityHousekeeping;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Plain deletes by time; safe to run on several workers at once. */
public record JdbcIdentityHousekeeping(JdbcClient jdbc) implements IdentityHousekeeping {

    @Override
    public long deleteTokensExpiredBefore(Instant instant) {
        return delete("DELETE FROM refresh_tokens WHERE expires_at < :instant", instant)
                + delete("DELETE FROM one_time_tokens WHERE expires_at < :instant", instant)
                + delete("DELETE FROM revoked_tokens WHERE expires_at < :instant", instant)
                + delete("DELETE FROM shared_token_refreshes WHERE expires_at < :instant", instant);
    }

    @Override
    public long deleteLoginCountersIdleSince(Instant instant) {
        return delete("DELETE FROM login_throttle WHERE last_failure_at < :instant AND (locked_until IS NULL OR locked_until < :instant)", instant);
    }

    @Override
    public long deleteSecurityEventsBefore(Instant instant) {
        return delete("DELETE FROM security_events WHERE occurred_at < :instant", instant);
    }

    private long delete(String sql, Instant instant) {
        return jdbc.sql(sql).param("instant", utc(instant)).update();
    }
}
