package com.westbethel.motel.application.identity.port.out;

import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.UserId;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;

/** Short-lived signed access tokens (JWT): issued at login and refresh, verified on every request. */
public interface AccessTokens {

    IssuedAccessToken issue(UserId user, SessionId session, Set<Role> roles);

    /** The token's claims when its signature, issuer and expiry hold; empty for anything else. */
    Optional<AccessTokenClaims> verify(String token);

    /** How long an access token lives: the longest a revocation entry must be kept. */
    Duration timeToLive();

    record IssuedAccessToken(String token, String jti, Instant expiresAt) {
    }
}
