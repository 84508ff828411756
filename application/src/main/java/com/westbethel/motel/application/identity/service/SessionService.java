package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.identity.port.in.LogOutUseCase;
import com.westbethel.motel.application.identity.port.in.ManageSessionsUseCase;
import com.westbethel.motel.application.identity.port.in.RevokeTokensUseCase;
import com.westbethel.motel.application.identity.port.in.ViewLoginHistoryUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.identity.port.out.AccessTokens;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens;
import com.westbethel.motel.application.identity.port.out.RevocationList;
import com.westbethel.motel.application.identity.port.out.SecurityEvents;
import com.westbethel.motel.application.identity.port.out.Sessions;
import com.westbethel.motel.application.identity.port.out.Sessions.Session;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/** Logging out, reviewing sessions and login history, ending sessions, and admins' revocation. */
public class SessionService implements LogOutUseCase, ManageSessionsUseCase, RevokeTokensUseCase, ViewLoginHistoryUseCase {

    private final Users users;
    private final Sessions sessions;
    private final RevocationList revocations;
    private final AccessTokens accessTokens;
    private final SecurityEvents events;
    private final SessionTermination termination;
    private final IdentityAudit audit;
    private final Clock clock;

    public SessionService(Users users, Sessions sessions, OneTimeTokens oneTimeTokens, RevocationList revocations, AccessTokens accessTokens,
            SecurityEvents events, AuditLog auditLog, Clock clock) {
        this.audit = new IdentityAudit(auditLog, clock);
        this.events = events;
        this.users = users;
        this.sessions = sessions;
        this.revocations = revocations;
        this.accessTokens = accessTokens;
        this.termination = new SessionTermination(users, sessions, oneTimeTokens, revocations, accessTokens.timeToLive(), clock);
        this.clock = clock;
    }

    @Override
    public void logOut(AccessTokenClaims caller) {
        revocations.revokeToken(caller.jti(), SessionTermination.keepUntil(caller.expiresAt()));
        termination.end(caller.session(), "LOGOUT");
    }

    @Override
    public void logOutEverywhere(AccessTokenClaims caller) {
        users.findById(caller.user()).ifPresent(user -> {
            termination.endAll(user, "LOGOUT_EVERYWHERE");
            audit.user(IdentityAudit.self(user), "USER_LOGGED_OUT_EVERYWHERE", user, Map.of(), Map.of("sessions", "all ended"));
        });
    }

    @Override
    public List<SessionView> sessions(AccessTokenClaims caller) {
        return sessions.activeOf(caller.user()).stream()
                .sorted(Comparator.comparing(Session::lastSeenAt).reversed())
                .map(session -> new SessionView(session.id().value(), session.device().ipAddress(), session.device().userAgent(),
                        session.createdAt(), session.lastSeenAt(), session.id().equals(caller.session())))
                .toList();
    }

    @Override
    public boolean endSession(AccessTokenClaims caller, SessionId session) {
        boolean owned = sessions.find(session)
                .filter(found -> found.user().equals(caller.user()) && found.active())
                .isPresent();
        return owned && termination.end(session, "ENDED_BY_USER");
    }

    @Override
    public List<LoginHistoryEntry> loginHistory(AccessTokenClaims caller) {
        return events.recentOf(caller.user(), MAX_ENTRIES).stream()
                .map(event -> new LoginHistoryEntry(event.type().name(), event.ipAddress(), event.userAgent(), event.occurredAt()))
                .toList();
    }

    @Override
    public void revokeToken(UserId admin, String jti) {
        // The token's own expiry is unknown here; no access token outlives the configured lifetime.
        Instant now = clock.instant();
        revocations.revokeToken(jti, SessionTermination.keepUntil(now.plus(accessTokens.timeToLive())));
        audit.accessToken(IdentityAudit.admin(admin), "TOKEN_REVOKED", jti, now);
    }

    @Override
    public boolean revokeAllTokensOf(UserId admin, UserId user) {
        return users.findById(user).map(found -> {
            termination.endAll(found, "REVOKED_BY_ADMIN");
            audit.user(IdentityAudit.admin(admin), "USER_TOKENS_REVOKED", found, Map.of(), Map.of("sessions", "all ended"));
            return true;
        }).orElse(false);
    }
}
