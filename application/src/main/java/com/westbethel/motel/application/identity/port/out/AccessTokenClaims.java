package com.westbethel.motel.application.identity.port.out;

import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.UserId;
import java.time.Instant;
import java.util.Set;

/** What a verified access token says: who, which session, which roles, and when. */
public record AccessTokenClaims(String jti, UserId user, SessionId session, Set<Role> roles, Instant issuedAt, Instant expiresAt) {

    public AccessTokenClaims {
        roles = Set.copyOf(roles);
    }
}
