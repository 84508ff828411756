package com.westbethel.motel.application.identity.port.out;

import com.westbethel.motel.domain.identity.Device;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.UserId;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** Logins and their refresh-token families. */
public interface Sessions {

    void start(Session session);

    Optional<Session> find(SessionId id);

    List<Session> activeOf(UserId user);

    void touch(SessionId id, Instant lastSeenAt);

    /** Whether the user ever had a session, and whether one from a device with this fingerprint. */
    DeviceHistory deviceHistory(UserId user, String fingerprint);

    record DeviceHistory(boolean anySession, boolean knownDevice) {
    }

    /**
     * Whether the user has logged in before from this device where it is now: a session, running or ended, with the
     * same fingerprint from the same IPv4 address or IPv6 /64 ({@link Device#throttleKey()}). Harder to pose as than
     * the fingerprint alone, which any client can copy.
     */
    boolean loggedInBeforeFrom(UserId user, Device device);

    /** Ends the session and every refresh token of its family; false if it was not active. */
    boolean end(SessionId id, Instant at, String reason);

    /** Ends every active session of the user (and their refresh tokens); returns the sessions ended. */
    List<SessionId> endAllOf(UserId user, Instant at, String reason);

    void saveRefreshToken(RefreshToken token);

    Optional<RefreshToken> findRefreshToken(String tokenHash);

    /** Marks the token used, once: false when another request used (or revoked) it first. */
    boolean markRotated(String tokenHash, Instant at);

    record Session(SessionId id, UserId user, Device device, Instant createdAt, Instant lastSeenAt, Optional<Instant> endedAt) {

        public boolean active() {
            return endedAt.isEmpty();
        }
    }

    record RefreshToken(String tokenHash, SessionId session, UserId user, Instant issuedAt, Instant expiresAt,
            Optional<Instant> rotatedAt, Optional<Instant> revokedAt) {
    }
}
