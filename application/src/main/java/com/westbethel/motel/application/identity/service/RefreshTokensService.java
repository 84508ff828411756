package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.identity.port.in.RefreshTokensUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokens;
import com.westbethel.motel.application.identity.port.out.MfaEnrolments;
import com.westbethel.motel.application.identity.port.out.Sessions;
import com.westbethel.motel.application.identity.port.out.Sessions.RefreshToken;
import com.westbethel.motel.application.identity.port.out.Sessions.Session;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.domain.identity.Device;
import com.westbethel.motel.domain.identity.OpaqueToken;
import com.westbethel.motel.domain.identity.SessionPolicy;
import com.westbethel.motel.domain.identity.User;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/** Trading a refresh token for a new pair, once: a second use ends the session and alerts the owner. */
public class RefreshTokensService implements RefreshTokensUseCase {

    private final Users users;
    private final Sessions sessions;
    private final TokenIssuer tokens;
    private final SessionTermination termination;
    private final LoginAlerts alerts;
    private final IdentitySettings settings;
    private final Clock clock;

    public RefreshTokensService(Users users, Sessions sessions, AccessTokens accessTokens, MfaEnrolments enrolments,
            SessionTermination termination, LoginAlerts alerts, IdentitySettings settings, Clock clock) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = new TokenIssuer(accessTokens, sessions, enrolments, settings);
        this.termination = termination;
        this.alerts = alerts;
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public RefreshResult refresh(String refreshToken, Device device) {
        String hash = OpaqueToken.hash(refreshToken);
        Optional<RefreshToken> found = sessions.findRefreshToken(hash);
        if (found.isEmpty() || found.get().revokedAt().isPresent()) {
            return new RefreshResult.Invalid();
        }
        RefreshToken token = found.get();
        if (token.rotatedAt().isPresent()) {
            return reused(token, device);
        }
        Instant now = clock.instant();
        Optional<User> user = users.findById(token.user());
        Optional<Session> active = sessions.find(token.session()).filter(Session::active);
        if (active.isEmpty() || user.isEmpty() || !user.get().enabled()
                || user.get().tokensValidAfter().map(token.issuedAt()::isBefore).orElse(false)) {
            return new RefreshResult.Invalid();
        }
        Session session = active.get();
        Optional<SessionPolicy.Ending> ending = settings.sessions().ending(user.get().roles(), session.createdAt(), session.lastSeenAt(), now);
        if (ending.isPresent()) {
            // Past its lifetime or idle too long: the session ends here, and the client must log in again.
            termination.end(session.id(), ending.get() == SessionPolicy.Ending.LIFETIME_REACHED ? "SESSION_LIFETIME_REACHED" : "SESSION_IDLE_TIMEOUT");
            return new RefreshResult.SessionExpired();
        }
        if (!token.expiresAt().isAfter(now)) {
            return new RefreshResult.Invalid();
        }
        if (!sessions.markRotated(hash, now)) {
            // Another request used this token a moment ago: one of the two holders is not the owner.
            return reused(token, device);
        }
        sessions.touch(token.session(), now);
        return new RefreshResult.Refreshed(tokens.issue(user.get(), token.session(), session.createdAt(), now));
    }

    private RefreshResult reused(RefreshToken token, Device device) {
        termination.end(token.session(), "REFRESH_TOKEN_REUSE");
        users.findById(token.user()).ifPresent(owner -> alerts.refreshTokenReused(owner, device, clock.instant()));
        return new RefreshResult.Reused();
    }
}
