package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.identity.port.in.AuthenticateUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.application.identity.port.out.AccessTokens;
import com.westbethel.motel.application.identity.port.out.RevocationList;
import com.westbethel.motel.application.operations.port.out.BusinessMetrics;
import java.time.Duration;
import java.util.Optional;

/**
 * The check every authenticated request passes: a genuine, unexpired token that nobody revoked. Each check is timed (the
 * revocation look-up goes to Redis, or PostgreSQL without it), since every authenticated request waits on it.
 */
public record AuthenticateService(AccessTokens accessTokens, RevocationList revocations, BusinessMetrics metrics) implements AuthenticateUseCase {

    @Override
    public Optional<AccessTokenClaims> authenticate(String bearerToken) {
        long started = System.nanoTime();
        Optional<AccessTokenClaims> claims = accessTokens.verify(bearerToken).filter(valid -> !revocations.isRevoked(valid));
        metrics.tokenValidation(claims.isPresent(), Duration.ofNanos(System.nanoTime() - started));
        return claims;
    }
}
