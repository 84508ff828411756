package com.westbethel.motel.application.identity.port.in;

import com.westbethel.motel.domain.identity.UserId;

/** An admin revokes one access token, or every token and session of a user; the audit log names the admin. */
public interface RevokeTokensUseCase {

    void revokeToken(UserId admin, String jti);

    /** False when there is no such user. */
    boolean revokeAllTokensOf(UserId admin, UserId user);
}
