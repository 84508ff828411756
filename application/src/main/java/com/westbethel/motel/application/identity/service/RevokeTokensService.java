package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.identity.port.in.RevokeTokensUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokens;
import com.westbethel.motel.application.identity.port.out.RevocationList;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.domain.identity.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** An admin's revocations over the API, audited under the admin's user id. */
public class RevokeTokensService implements RevokeTokensUseCase {

    private final Users users;
    private final RevocationList revocations;
    private final AccessTokens accessTokens;
    private final SessionTermination termination;
    private final IdentityAudit audit;
    private final Clock clock;

    public RevokeTokensService(Users users, RevocationList revocations, AccessTokens accessTokens, SessionTermination termination,
            AuditLog auditLog, Clock clock) {
        this.users = users;
        this.revocations = revocations;
        this.accessTokens = accessTokens;
        this.termination = termination;
        this.audit = new IdentityAudit(auditLog, clock);
        this.clock = clock;
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
        return users.findByIdForChange(user).map(found -> {
            termination.endAll(found, "REVOKED_BY_ADMIN");
            audit.user(IdentityAudit.admin(admin), "USER_TOKENS_REVOKED", found, Map.of(), Map.of("sessions", "all ended"));
            return true;
        }).orElse(false);
    }
}
