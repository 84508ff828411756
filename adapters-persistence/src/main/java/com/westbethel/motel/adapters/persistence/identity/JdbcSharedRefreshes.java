package com.westbethel.motel.adapters.persistence.identity;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.identity.port.out.SecretCipher;
import com.westbethel.motel.application.identity.port.out.SharedRefreshes;
import com.westbethel.motel.application.identity.port.out.SharedRefreshes.Successor;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * {@code shared_token_refreshes} (V16): a transaction-scoped advisory lock per refresh token, and the pair it was traded
 * for, sealed with {@code cipher} (live tokens are never stored in clear).
 */
public record JdbcSharedRefreshes(JdbcClient jdbc, SecretCipher cipher) implements SharedRefreshes {

    @Override
    public void lock(String refreshTokenHash) {
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtextextended('token-refresh:' || :hash, 0))").param("hash", refreshTokenHash)
                .query(Object.class).single();
    }

    @Override
    public Optional<Successor> find(String refreshTokenHash, Instant now) {
        return jdbc.sql("""
                        SELECT access_token, refresh_token, expires_in_seconds FROM shared_token_refreshes
                        WHERE refresh_token_hash = :hash AND expires_at > :now
                        """)
                .param("hash", refreshTokenHash).param("now", utc(now))
                .query((row, number) -> new Successor(cipher.decrypt(row.getString("access_token")), cipher.decrypt(row.getString("refresh_token")),
                        row.getLong("expires_in_seconds")))
                .optional();
    }

    @Override
    public void save(String refreshTokenHash, Successor successor, Instant keptUntil) {
        jdbc.sql("""
                        INSERT INTO shared_token_refreshes (refresh_token_hash, access_token, refresh_token, expires_in_seconds, expires_at)
                        VALUES (:hash, :access, :refresh, :expiresIn, :keptUntil)
                        ON CONFLICT (refresh_token_hash) DO UPDATE SET access_token = excluded.access_token, refresh_token = excluded.refresh_token,
                            expires_in_seconds = excluded.expires_in_seconds, expires_at = excluded.expires_at
                        """)
                .param("hash", refreshTokenHash)
                .param("access", cipher.encrypt(successor.accessToken()))
                .param("refresh", cipher.encrypt(successor.refreshToken()))
                .param("expiresIn", successor.expiresInSeconds())
                .param("keptUntil", utc(keptUntil))
                .update();
    }
}
