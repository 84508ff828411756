package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;

/** Every change to an account goes into the audit log: never a secret, only what changed. */
record IdentityAudit(AuditLog log, Clock clock) {

    void user(String actor, String action, User user, Map<String, String> before, Map<String, String> after) {
        log.append(new AuditEntry(clock.instant(), actor, action, "user", user.id().toString(), before, after));
    }

    /** The same entry motel-admin writes when it revokes one token (the token's id, never the token). */
    void accessToken(String actor, String action, String jti, Instant at) {
        log.append(new AuditEntry(at, actor, action, "access_token", jti, Map.of(), Map.of("revoked", "true")));
    }

    static Map<String, String> snapshot(User user) {
        return Map.of("email", user.email().value(), "roles", user.roles().toString(), "emailVerified", String.valueOf(user.emailVerified()),
                "enabled", String.valueOf(user.enabled()));
    }

    static String self(User user) {
        return "user:" + user.id();
    }

    /** An admin acting over the API, by user id (motel-admin writes {@code motel-admin:<os user>}). */
    static String admin(UserId admin) {
        return "admin:" + admin;
    }
}
