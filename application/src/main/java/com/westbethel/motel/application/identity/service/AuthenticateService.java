package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.identity.port.in.AuthenticateUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.identity.port.out.AccessTokens;
import com.westbethel.motel.application.identity.port.out.RevocationList;
import java.util.Optional;

/** The check every authenticated request passes: a genuine, unexpired token that nobody revoked. */
public record AuthenticateService(AccessTokens accessTokens, RevocationList revocations) implements AuthenticateUseCase {

    @Override
    public Optional<AccessTokenClaims> authenticate(String bearerToken) {
        return accessTokens.verify(bearerToken).filter(claims -> !revocations.isRevoked(claims));
    }
}
