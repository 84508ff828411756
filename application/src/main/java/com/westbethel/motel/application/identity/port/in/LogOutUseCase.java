package com.westbethel.motel.application.identity.port.in;

import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;

/** A user ends this session, or every session on every device. */
public interface LogOutUseCase {

    void logOut(AccessTokenClaims caller);

    void logOutEverywhere(AccessTokenClaims caller);
}
