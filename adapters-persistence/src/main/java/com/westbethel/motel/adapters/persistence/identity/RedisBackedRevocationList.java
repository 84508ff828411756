package com.westbethel.motel.adapters.persistence.identity;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.identity.port.out.RevocationList;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.UserId;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.connection.RedisStringCommands.SetOption;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.types.Expiration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The revocation list: PostgreSQL is the record ({@code revoked_tokens}, {@code users.tokens_valid_after}),
 * Redis the fast copy that answers each request in one round trip.
 *
 * <p>Redis keeps nothing on disk, so a marker key says its copy is complete. A missing marker (Redis
 * restarted or flushed) sends checks to PostgreSQL while the copy is reloaded. With Redis unreachable,
 * checks go to PostgreSQL and Redis is retried after a pause; a write Redis missed forces a reload
 * before this replica trusts Redis again, and deletes the marker so that the other replicas reload too.
 *
 * <p>Known gap: between Redis coming back and the replica that missed a write reaching it, the other
 * replicas may trust a Redis copy that lacks that one entry (at most one access-token lifetime, and
 * only for revocations made during the outage).
 */
public class RedisBackedRevocationList implements RevocationList {

    static final String MARKER = "motel:revocations:complete";
    private static final String JTI = "motel:revoked:jti:";
    private static final String SESSION = "motel:revoked:sid:";
    private static final String NOT_BEFORE = "motel:revoked:nbf:";
    private static final Duration REDIS_RETRY_PAUSE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(RedisBackedRevocationList.class);

    private final JdbcClient jdbc;
    private final StringRedisTemplate redis;
    private final Duration accessTokenTtl;
    private final Clock clock;
    private final AtomicReference<Instant> redisPausedUntil = new AtomicReference<>(Instant.MIN);
    private final AtomicBoolean redisMissedWrites = new AtomicBoolean();
    private final AtomicBoolean reloading = new AtomicBoolean();

    public RedisBackedRevocationList(JdbcClient jdbc, StringRedisTemplate redis, Duration accessTokenTtl, Clock clock) {
        this.jdbc = jdbc;
        this.redis = redis;
        this.accessTokenTtl = accessTokenTtl;
        this.clock = clock;
    }

    @Override
    public void revokeToken(String jti, Instant tokenExpiresAt) {
        record("JTI", jti, tokenExpiresAt);
        afterCommit(() -> setInRedis(JTI + jti, "1", tokenExpiresAt));
    }

    @Override
    public void revokeSession(SessionId session, Instant until) {
        record("SESSION", session.toString(), until);
        afterCommit(() -> setInRedis(SESSION + session, "1", until));
    }

    @Override
    public void revokeUserTokensIssuedBefore(UserId user, Instant instant, Instant until) {
        // The instant itself is recorded with the user (users.tokens_valid_after) by the use case.
        afterCommit(() -> setInRedis(NOT_BEFORE + user, String.valueOf(instant.getEpochSecond()), until));
    }

    @Override
    public boolean isRevoked(AccessTokenClaims token) {
        if (redisUsable()) {
            try {
                List<String> values = redis.opsForValue().multiGet(List.of(MARKER, JTI + token.jti(), SESSION + token.session(),
                        NOT_BEFORE + token.user()));
                if (values != null && values.get(0) != null) {
                    return values.get(1) != null || values.get(2) != null
                            || (values.get(3) != null && token.issuedAt().getEpochSecond() < Long.parseLong(values.get(3)));
                }
                reloadInBackground();
            } catch (RuntimeException e) {
                pauseRedis(e);
            }
        }
        return isRevokedInDatabase(token);
    }

    /** Copies every live entry from PostgreSQL into Redis, then marks the copy complete. */
    public void reload() {
        Instant now = clock.instant();
        List<Entry> entries = jdbc.sql("SELECT kind, id, expires_at FROM revoked_tokens WHERE expires_at > :now")
                .param("now", utc(now))
                .query((row, number) -> new Entry(("JTI".equals(row.getString("kind")) ? JTI : SESSION) + row.getString("id"), "1",
                        row.getObject("expires_at", OffsetDateTime.class).toInstant()))
                .list();
        List<Entry> notBefore = jdbc.sql("SELECT id, tokens_valid_after FROM users WHERE tokens_valid_after > :oldest")
                .param("oldest", utc(now.minus(accessTokenTtl)))
                .query((row, number) -> {
                    Instant instant = row.getObject("tokens_valid_after", OffsetDateTime.class).toInstant();
                    return new Entry(NOT_BEFORE + row.getString("id"), String.valueOf(instant.getEpochSecond()), instant.plus(accessTokenTtl));
                })
                .list();
        redis.executePipelined((RedisCallback<Object>) connection -> {
            for (Entry entry : concat(entries, notBefore)) {
                long millis = Duration.between(now, entry.expiresAt()).toMillis();
                if (millis > 0) {
                    connection.stringCommands().set(entry.key().getBytes(StandardCharsets.UTF_8), entry.value().getBytes(StandardCharsets.UTF_8),
                            Expiration.milliseconds(millis),
                            SetOption.upsert());
                }
            }
            return null;
        });
        redis.opsForValue().set(MARKER, now.toString());
        redisMissedWrites.set(false);
        log.info("Revocation list copied to Redis: {} revoked tokens and sessions, {} users with a not-before", entries.size(),
                notBefore.size());
    }

    private boolean isRevokedInDatabase(AccessTokenClaims token) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM revoked_tokens
                                       WHERE ((kind = 'JTI' AND id = :jti) OR (kind = 'SESSION' AND id = :sid)) AND expires_at > :now)
                            OR EXISTS (SELECT 1 FROM users WHERE id = :userId AND tokens_valid_after >= :nextSecond)
                        """)
                .param("jti", token.jti())
                .param("now", utc(clock.instant()))
                .param("sid", token.session().toString())
                .param("userId", token.user().value())
                // Refused when issued in a whole second before the not-before instant, as in Redis.
                .param("nextSecond", utc(Instant.ofEpochSecond(token.issuedAt().getEpochSecond() + 1)))
                .query(Boolean.class)
                .single();
    }

    private void record(String kind, String id, Instant expiresAt) {
        jdbc.sql("""
                        INSERT INTO revoked_tokens (kind, id, expires_at) VALUES (:kind, :id, :expiresAt)
                        ON CONFLICT (kind, id) DO UPDATE SET expires_at = greatest(revoked_tokens.expires_at, excluded.expires_at)
                        """)
                .param("kind", kind)
                .param("id", id)
                .param("expiresAt", utc(expiresAt))
                .update();
    }

    private void setInRedis(String key, String value, Instant expiresAt) {
        long millis = Duration.between(clock.instant(), expiresAt).toMillis();
        if (millis <= 0) {
            return;
        }
        if (!redisUsable()) {
            redisMissedWrites.set(true);
            return;
        }
        try {
            redis.opsForValue().set(key, value, Duration.ofMillis(millis));
        } catch (RuntimeException e) {
            redisMissedWrites.set(true);
            pauseRedis(e);
        }
    }

    /**
     * For a short-lived process (motel-admin) that must not exit while Redis lacks a revocation it made:
     * when a write to Redis was missed, the completeness marker is removed now, so that every API replica
     * stops trusting Redis and asks PostgreSQL until Redis is reloaded.
     *
     * @return false when Redis missed a write and could not be told so either
     */
    public boolean redisInStep() {
        if (!redisMissedWrites.get()) {
            return true;
        }
        try {
            redis.delete(MARKER);
            return true;
        } catch (RuntimeException e) {
            log.warn("Redis missed a revocation and cannot be reached to say so: {}", e.getMessage());
            return false;
        }
    }

    private boolean redisUsable() {
        if (clock.instant().isBefore(redisPausedUntil.get())) {
            return false;
        }
        if (redisMissedWrites.get()) {
            // Redis lacks an entry PostgreSQL has: make every replica distrust it until it is reloaded.
            try {
                redis.delete(MARKER);
            } catch (RuntimeException e) {
                pauseRedis(e);
                return false;
            }
            reloadInBackground();
            return false;
        }
        return true;
    }

    private void reloadInBackground() {
        if (!reloading.compareAndSet(false, true)) {
            return;
        }
        Thread reloader = new Thread(() -> {
            try {
                reload();
            } catch (RuntimeException e) {
                pauseRedis(e);
            } finally {
                reloading.set(false);
            }
        }, "revocation-reload");
        reloader.setDaemon(true);
        reloader.start();
    }

    private void pauseRedis(RuntimeException cause) {
        Instant until = clock.instant().plus(REDIS_RETRY_PAUSE);
        if (redisPausedUntil.getAndSet(until).isBefore(clock.instant())) {
            log.warn("Redis unavailable for the revocation list, checking PostgreSQL until {}: {}", until, cause.getMessage());
        }
    }

    private static void afterCommit(Runnable action) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    action.run();
                }
            });
        } else {
            action.run();
        }
    }

    private static List<Entry> concat(List<Entry> first, List<Entry> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }

    private record Entry(String key, String value, Instant expiresAt) {
    }
}
