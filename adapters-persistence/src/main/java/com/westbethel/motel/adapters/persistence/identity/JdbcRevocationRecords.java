package com.westbethel.motel.adapters.persistence.identity;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.instant;
import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.identity.port.out.RevocationRecords;
import com.westbethel.motel.application.identity.port.out.RevocationRecords.RevokedEntry;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Revocations in force: tokens and sessions from {@code revoked_tokens}, users by their recent not-before. */
public record JdbcRevocationRecords(JdbcClient jdbc) implements RevocationRecords {

    @Override
    public List<RevokedEntry> inForce(Instant now, Instant usersSince, int limit) {
        return jdbc.sql("""
                        SELECT kind, id, revoked_at AS since, expires_at AS until FROM revoked_tokens WHERE expires_at > :now
                        UNION ALL
                        SELECT 'USER', email, tokens_valid_after, NULL FROM users WHERE tokens_valid_after > :usersSince
                        ORDER BY since DESC
                        LIMIT :limit
                        """)
                .param("now", utc(now))
                .param("usersSince", utc(usersSince))
                .param("limit", limit)
                .query((row, number) -> new RevokedEntry(row.getString("kind"), row.getString("id"), instant(row, "since"), instant(row, "until")))
                .list();
    }
}
