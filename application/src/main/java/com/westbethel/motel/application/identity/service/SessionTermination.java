package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.identity.port.out.OneTimeTokens;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens.Purpose;
import com.westbethel.motel.application.identity.port.out.RevocationList;
import com.westbethel.motel.application.identity.port.out.Sessions;
import com.westbethel.motel.application.identity.port.out.Sessions.Session;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Ending sessions so that nothing issued for them keeps working: the session and its refresh tokens
 * end in storage, and its access tokens go on the revocation list until the last of them expires.
 */
public record SessionTermination(Users users, Sessions sessions, OneTimeTokens oneTimeTokens, RevocationList revocations,
        Duration accessTokenTtl, Clock clock) {

    static final Duration REVOCATION_MARGIN = Duration.ofMinutes(1);

    boolean end(SessionId session, String reason) {
        Instant now = clock.instant();
        boolean ended = sessions.end(session, now, reason);
        revocations.revokeSession(session, lastAccessTokenExpiry(now));
        return ended;
    }

    /** Every other session of the user ends: the one that asked goes on. */
    void endAllBut(UserId user, SessionId kept, String reason) {
        sessions.activeOf(user).stream()
                .map(Session::id)
                .filter(session -> !session.equals(kept))
                .forEach(session -> end(session, reason));
    }

    /**
     * Every session of the user ends and every token issued until now is refused, outstanding password-reset
     * links included (whoever holds a copy of one could otherwise open a session again); saves the user, who was read
     * with {@link Users#findByIdForChange} or {@link Users#findByEmailForChange}.
     */
    void endAll(User user, String reason) {
        Instant now = clock.instant();
        user.revokeTokensIssuedBefore(now);
        users.update(user);
        oneTimeTokens.invalidateAll(user.id(), Purpose.PASSWORD_RESET, now);
        Instant until = lastAccessTokenExpiry(now);
        for (SessionId session : sessions.endAllOf(user.id(), now, reason)) {
            revocations.revokeSession(session, until);
        }
        // The user's own instant, which never moves back, rather than now: two overlapping calls cannot undo each other.
        revocations.revokeUserTokensIssuedBefore(user.id(), user.tokensValidAfter().orElse(now), until);
    }

    private Instant lastAccessTokenExpiry(Instant now) {
        return keepUntil(now.plus(accessTokenTtl));
    }

    /**
     * How long a revocation must be kept for a token expiring at {@code expiresAt}: a little past it,
     * since verification tolerates some clock skew between replicas.
     */
    static Instant keepUntil(Instant expiresAt) {
        return expiresAt.plus(REVOCATION_MARGIN);
    }
}
