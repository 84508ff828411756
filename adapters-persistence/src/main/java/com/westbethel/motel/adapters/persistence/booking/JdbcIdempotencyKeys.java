package com.westbethel.motel.adapters.persistence.booking;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.booking.port.out.IdempotencyKeys;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Keys in {@code idempotency_keys}. The insert of a key a concurrent transaction is inserting waits for
 * that transaction, so of two simultaneous retries one does the work and the other sees its result.
 */
public record JdbcIdempotencyKeys(JdbcClient jdbc) implements IdempotencyKeys {

    @Override
    public Claim claim(String scope, String key, String requestFingerprint, Instant now) {
        int inserted = jdbc.sql("""
                        INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES (:scope, :key, :hash, :now)
                        ON CONFLICT (scope, key) DO NOTHING
                        """)
                .param("scope", scope)
                .param("key", key)
                .param("hash", requestFingerprint)
                .param("now", utc(now))
                .update();
        if (inserted == 1) {
            return new Claim.New();
        }
        return jdbc.sql("SELECT request_hash, resource_id FROM idempotency_keys WHERE scope = :scope AND key = :key")
                .param("scope", scope)
                .param("key", key)
                .query((row, number) -> new Claim.Existing(row.getString("request_hash"),
                        Optional.ofNullable(row.getObject("resource_id", UUID.class))))
                .single();
    }

    @Override
    public void complete(String scope, String key, UUID resourceId) {
        jdbc.sql("UPDATE idempotency_keys SET resource_id = :resource WHERE scope = :scope AND key = :key")
                .param("scope", scope)
                .param("key", key)
                .param("resource", resourceId)
                .update();
    }

    @Override
    public long deleteCreatedBefore(Instant instant) {
        return jdbc.sql("DELETE FROM idempotency_keys WHERE created_at < :instant").param("instant", utc(instant)).update();
    }
}
