package com.westbethel.motel.adapters.persistence.identity;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.identity.port.out.OneTimeTokens;
import com.westbethel.motel.domain.identity.UserId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Email verification and password reset tokens in {@code one_time_tokens}, by hash. */
public record JdbcOneTimeTokens(JdbcClient jdbc) implements OneTimeTokens {

    @Override
    public void save(String tokenHash, Purpose purpose, UserId user, Instant expiresAt) {
        jdbc.sql("INSERT INTO one_time_tokens (token_hash, purpose, user_id, expires_at) VALUES (:hash, :purpose, :userId, :expiresAt)")
                .param("hash", tokenHash)
                .param("purpose", purpose.name())
                .param("userId", user.value())
                .param("expiresAt", utc(expiresAt))
                .update();
    }

    @Override
    public Optional<UserId> peek(String tokenHash, Purpose purpose, Instant now) {
        return liveTokensUser(jdbc.sql("""
                        SELECT user_id FROM one_time_tokens
                        WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
                        """), tokenHash, purpose, now);
    }

    @Override
    public Optional<UserId> consume(String tokenHash, Purpose purpose, Instant now) {
        return liveTokensUser(jdbc.sql("""
                        UPDATE one_time_tokens SET used_at = :now
                        WHERE token_hash = :hash AND purpose = :purpose AND used_at IS NULL AND expires_at > :now
                        RETURNING user_id
                        """), tokenHash, purpose, now);
    }

    /** The owner of a live token of this purpose, by a statement that finds it (and may mark it used). */
    private static Optional<UserId> liveTokensUser(JdbcClient.StatementSpec statement, String tokenHash, Purpose purpose, Instant now) {
        return statement.param("hash", tokenHash)
                .param("purpose", purpose.name())
                .param("now", utc(now))
                .query((row, number) -> new UserId(row.getObject("user_id", UUID.class)))
                .optional();
    }

    @Override
    public void invalidateAll(UserId user, Purpose purpose, Instant now) {
        jdbc.sql("UPDATE one_time_tokens SET used_at = :now WHERE user_id = :userId AND purpose = :purpose AND used_at IS NULL")
                .param("userId", user.value())
                .param("purpose", purpose.name())
                .param("now", utc(now))
                .update();
    }
}
