package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.identity.port.in.LogOutUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.identity.port.out.RevocationList;
import com.westbethel.motel.application.identity.port.out.Users;
import java.time.Clock;
import java.util.Map;

/** Logging out of this session, or of every session at once. */
public class LogOutService implements LogOutUseCase {

    private final Users users;
    private final RevocationList revocations;
    private final SessionTermination termination;
    private final IdentityAudit audit;

    public LogOutService(Users users, RevocationList revocations, SessionTermination termination, AuditLog auditLog, Clock clock) {
        this.users = users;
        this.revocations = revocations;
        this.termination = termination;
        this.audit = new IdentityAudit(auditLog, clock);
    }

    @Override
    public void logOut(AccessTokenClaims caller) {
        revocations.revokeToken(caller.jti(), SessionTermination.keepUntil(caller.expiresAt()));
        termination.end(caller.session(), "LOGOUT");
    }

    @Override
    public void logOutEverywhere(AccessTokenClaims caller) {
        users.findByIdForChange(caller.user()).ifPresent(user -> {
            termination.endAll(user, "LOGOUT_EVERYWHERE");
            audit.user(IdentityAudit.self(user), "USER_LOGGED_OUT_EVERYWHERE", user, Map.of(), Map.of("sessions", "all ended"));
        });
    }
}
