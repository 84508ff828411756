package com.westbethel.motel.adapters.persistence.identity;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.identity.port.out.LoginAttempts;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Failed-login counters in {@code login_throttle}, counted atomically by one upsert per failure. */
public record JdbcLoginAttempts(JdbcClient jdbc) implements LoginAttempts {

    @Override
    public int recordFailure(String key, Instant now, Duration forgetAfter) {
        return jdbc.sql("""
                        INSERT INTO login_throttle (key, failures, last_failure_at) VALUES (:key, 1, :now)
                        ON CONFLICT (key) DO UPDATE SET
                            failures = CASE WHEN login_throttle.last_failure_at < :forgetBefore THEN 1 ELSE login_throttle.failures + 1 END,
                            last_failure_at = :now
                        RETURNING failures
                        """)
                .param("key", key)
                .param("now", utc(now))
                .param("forgetBefore", utc(now.minus(forgetAfter)))
                .query(Integer.class)
                .single();
    }

    @Override
    public void lock(String key, Instant until) {
        jdbc.sql("UPDATE login_throttle SET locked_until = greatest(locked_until, :until) WHERE key = :key")
                .param("key", key)
                .param("until", utc(until))
                .update();
    }

    @Override
    public Optional<Instant> lockedUntil(Collection<String> keys, Instant now) {
        return jdbc.sql("SELECT max(locked_until) FROM login_throttle WHERE key IN (:keys) AND locked_until > :now")
                .param("keys", List.copyOf(keys))
                .param("now", utc(now))
                .query((row, number) -> Optional.ofNullable(row.getObject(1, OffsetDateTime.class)).map(OffsetDateTime::toInstant))
                .single();
    }

    @Override
    public Optional<Instant> claimPacedTry(String key, Instant now, int freeTries, Duration spacing, Duration forgetAfter) {
        // One statement: a concurrent claim on the key waits for this row's lock, then sees the wait it set and is
        // refused (the WHERE is evaluated against the newest row). On a paced key "failures" counts tries.
        Optional<Integer> claimed = jdbc.sql("""
                        INSERT INTO login_throttle AS t (key, failures, last_failure_at, locked_until)
                        VALUES (:key, 1, :now, CASE WHEN 1 >= :freeTries THEN :waitUntil END)
                        ON CONFLICT (key) DO UPDATE SET
                            failures = CASE WHEN t.last_failure_at < :forgetBefore THEN 1 ELSE t.failures + 1 END,
                            last_failure_at = :now,
                            locked_until = CASE WHEN (CASE WHEN t.last_failure_at < :forgetBefore THEN 1 ELSE t.failures + 1 END) >= :freeTries
                                                THEN :waitUntil END
                        WHERE t.locked_until IS NULL OR t.locked_until <= :now
                        RETURNING failures
                        """)
                .param("key", key)
                .param("now", utc(now))
                .param("forgetBefore", utc(now.minus(forgetAfter)))
                .param("freeTries", freeTries)
                .param("waitUntil", utc(now.plus(spacing)))
                .query(Integer.class)
                .optional();
        if (claimed.isPresent()) {
            return Optional.empty();
        }
        // Refused; a wait cleared since (by the owner's login) means "try again at once".
        return Optional.of(lockedUntil(List.of(key), now).orElse(now));
    }

    @Override
    public void clear(String key) {
        jdbc.sql("DELETE FROM login_throttle WHERE key = :key").param("key", key).update();
    }
}
