package com.westbethel.motel.adapters.persistence.identity;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.instant;
import static com.westbethel.motel.adapters.persistence.support.Timestamps.optionalInstant;
import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.identity.port.out.Sessions;
import com.westbethel.motel.domain.identity.Device;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.shared.ClientAddress;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Sessions in {@code user_sessions} and their refresh-token families in {@code refresh_tokens}. */
public record JdbcSessions(JdbcClient jdbc) implements Sessions {

    private static final int MAX_USER_AGENT = 512;
    private static final String SELECT_SESSION = """
            SELECT id, user_id, ip_address, user_agent, device_fingerprint, created_at, last_seen_at, ended_at
            FROM user_sessions
            """;

    @Override
    public void start(Session session) {
        String userAgent = session.device().userAgent();
        jdbc.sql("""
                        INSERT INTO user_sessions (id, user_id, ip_address, user_agent, device_fingerprint, created_at, last_seen_at)
                        VALUES (:id, :userId, :ip, :userAgent, :fingerprint, :createdAt, :lastSeenAt)
                        """)
                .param("id", session.id().value())
                .param("userId", session.user().value())
                .param("ip", session.device().ipAddress())
                .param("userAgent", userAgent.length() > MAX_USER_AGENT ? userAgent.substring(0, MAX_USER_AGENT) : userAgent)
                .param("fingerprint", session.device().fingerprint())
                .param("createdAt", utc(session.createdAt()))
                .param("lastSeenAt", utc(session.lastSeenAt()))
                .update();
    }

    @Override
    public Optional<Session> find(SessionId id) {
        return jdbc.sql(SELECT_SESSION + " WHERE id = :id").param("id", id.value()).query(JdbcSessions::session).optional();
    }

    @Override
    public List<Session> activeOf(UserId user) {
        return jdbc.sql(SELECT_SESSION + " WHERE user_id = :userId AND ended_at IS NULL ORDER BY last_seen_at DESC")
                .param("userId", user.value())
                .query(JdbcSessions::session)
                .list();
    }

    @Override
    public void touch(SessionId id, Instant lastSeenAt) {
        jdbc.sql("UPDATE user_sessions SET last_seen_at = greatest(last_seen_at, :at) WHERE id = :id")
                .param("id", id.value())
                .param("at", utc(lastSeenAt))
                .update();
    }

    @Override
    public DeviceHistory deviceHistory(UserId user, String fingerprint) {
        return jdbc.sql("""
                        SELECT EXISTS (SELECT 1 FROM user_sessions WHERE user_id = :userId) AS any_session,
                               EXISTS (SELECT 1 FROM user_sessions WHERE user_id = :userId AND device_fingerprint = :fingerprint) AS known
                        """)
                .param("userId", user.value())
                .param("fingerprint", fingerprint)
                .query((row, number) -> new DeviceHistory(row.getBoolean("any_session"), row.getBoolean("known")))
                .single();
    }

    @Override
    public boolean loggedInBeforeFrom(UserId user, Device device) {
        // The table keeps full addresses; the /64 is taken here, by the same rule as every lockout. The newest
        // addresses suffice: a device not seen among its last hundred is not one the owner is using.
        return jdbc.sql("""
                        SELECT ip_address FROM user_sessions WHERE user_id = :userId AND device_fingerprint = :fingerprint
                        GROUP BY ip_address ORDER BY max(created_at) DESC LIMIT 100
                        """)
                .param("userId", user.value())
                .param("fingerprint", device.fingerprint())
                .query(String.class)
                .list()
                .stream()
                .anyMatch(address -> ClientAddress.parseOrUnknown(address).throttleKey().equals(device.throttleKey()));
    }

    @Override
    public boolean end(SessionId id, Instant at, String reason) {
        int ended = jdbc.sql("UPDATE user_sessions SET ended_at = :at, end_reason = :reason WHERE id = :id AND ended_at IS NULL")
                .param("id", id.value())
                .param("at", utc(at))
                .param("reason", reason)
                .update();
        jdbc.sql("UPDATE refresh_tokens SET revoked_at = :at WHERE session_id = :id AND revoked_at IS NULL")
                .param("id", id.value())
                .param("at", utc(at))
                .update();
        return ended == 1;
    }

    @Override
    public List<SessionId> endAllOf(UserId user, Instant at, String reason) {
        List<SessionId> ended = jdbc.sql("""
                        UPDATE user_sessions SET ended_at = :at, end_reason = :reason
                        WHERE user_id = :userId AND ended_at IS NULL
                        RETURNING id
                        """)
                .param("userId", user.value())
                .param("at", utc(at))
                .param("reason", reason)
                .query((row, number) -> new SessionId(row.getObject("id", UUID.class)))
                .list();
        jdbc.sql("UPDATE refresh_tokens SET revoked_at = :at WHERE user_id = :userId AND revoked_at IS NULL")
                .param("userId", user.value())
                .param("at", utc(at))
                .update();
        return ended;
    }

    @Override
    public void saveRefreshToken(RefreshToken token) {
        jdbc.sql("""
                        INSERT INTO refresh_tokens (token_hash, session_id, user_id, issued_at, expires_at)
                        VALUES (:hash, :sessionId, :userId, :issuedAt, :expiresAt)
                        """)
                .param("hash", token.tokenHash())
                .param("sessionId", token.session().value())
                .param("userId", token.user().value())
                .param("issuedAt", utc(token.issuedAt()))
                .param("expiresAt", utc(token.expiresAt()))
                .update();
    }

    @Override
    public Optional<RefreshToken> findRefreshToken(String tokenHash) {
        return jdbc.sql("""
                        SELECT token_hash, session_id, user_id, issued_at, expires_at, rotated_at, revoked_at
                        FROM refresh_tokens WHERE token_hash = :hash
                        """)
                .param("hash", tokenHash)
                .query((row, number) -> new RefreshToken(row.getString("token_hash"),
                        new SessionId(row.getObject("session_id", UUID.class)), new UserId(row.getObject("user_id", UUID.class)),
                        instant(row, "issued_at"), instant(row, "expires_at"),
                        optionalInstant(row, "rotated_at"), optionalInstant(row, "revoked_at")))
                .optional();
    }

    @Override
    public boolean markRotated(String tokenHash, Instant at) {
        return jdbc.sql("""
                        UPDATE refresh_tokens SET rotated_at = :at
                        WHERE token_hash = :hash AND rotated_at IS NULL AND revoked_at IS NULL
                        """)
                .param("hash", tokenHash)
                .param("at", utc(at))
                .update() == 1;
    }

    private static Session session(ResultSet row, int number) throws SQLException {
        return new Session(new SessionId(row.getObject("id", UUID.class)), new UserId(row.getObject("user_id", UUID.class)),
                new Device(row.getString("ip_address"), row.getString("user_agent"), row.getString("device_fingerprint")),
                instant(row, "created_at"), instant(row, "last_seen_at"), optionalInstant(row, "ended_at"));
    }
}
