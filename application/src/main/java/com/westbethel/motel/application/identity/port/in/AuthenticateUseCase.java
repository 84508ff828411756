package com.westbethel.motel.application.identity.port.in;

import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import java.util.Optional;

/** Every API request: is this bearer token genuine, unexpired and not revoked? */
public interface AuthenticateUseCase {

    Optional<AccessTokenClaims> authenticate(String bearerToken);
}
