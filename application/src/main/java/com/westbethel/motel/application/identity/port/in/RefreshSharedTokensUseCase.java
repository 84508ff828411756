package com.westbethel.motel.application.identity.port.in;

import com.westbethel.motel.application.identity.port.in.RefreshTokensUseCase.RefreshResult;
import com.westbethel.motel.domain.identity.Device;

/**
 * A refresh for a client whose requests run at once on several servers with one token pair: the website, whose session
 * any replica serves. A refresh token works once ({@link RefreshTokensUseCase}), so two requests of one visitor arriving
 * on two replicas just as the access token expires would both refresh, and the second would look like a stolen token and
 * end the session. Here the refreshes of one refresh token take turns across servers: the first refreshes, and those
 * that held the same token get the pair it received, for a short while.
 */
public interface RefreshSharedTokensUseCase {

    RefreshResult refresh(String refreshToken, Device device);
}
