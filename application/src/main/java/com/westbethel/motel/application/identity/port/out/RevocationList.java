package com.westbethel.motel.application.identity.port.out;

import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.UserId;
import java.time.Instant;

/**
 * Access tokens refused before they expire: by id (logout), by session (a session ended), or every
 * token of a user issued before an instant (logout everywhere, password reset, admin revocation).
 * The system of record keeps every entry; a fast copy may answer most checks.
 */
public interface RevocationList {

    void revokeToken(String jti, Instant tokenExpiresAt);

    void revokeSession(SessionId session, Instant until);

    void revokeUserTokensIssuedBefore(UserId user, Instant instant, Instant until);

    boolean isRevoked(AccessTokenClaims token);
}
