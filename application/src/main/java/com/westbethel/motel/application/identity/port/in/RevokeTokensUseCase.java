package com.westbethel.motel.application.identity.port.in;

import com.westbethel.motel.domain.identity.UserId;

/** An admin revokes one access token, or every token and session of a user. */
public interface RevokeTokensUseCase {

    void revokeToken(String jti);

    /** False when there is no such user. */
    boolean revokeAllTokensOf(UserId user);
}
