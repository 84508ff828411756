package com.westbethel.motel.application.identity.port.in;

import com.westbethel.motel.domain.identity.Device;

/**
 * A client trades its refresh token for a new pair. Each refresh token works once: presenting a
 * used one again means it was stolen, and the whole session is ended.
 */
public interface RefreshTokensUseCase {

    RefreshResult refresh(String refreshToken, Device device);

    sealed interface RefreshResult {

        record Refreshed(TokenPair tokens) implements RefreshResult {
        }

        /** Unknown, expired or belonging to an ended session. */
        record Invalid() implements RefreshResult {
        }

        /** The session reached its absolute lifetime or sat unused too long, and has now ended: log in again. */
        record SessionExpired() implements RefreshResult {
        }

        /** Already used once: the session has been ended as a precaution. */
        record Reused() implements RefreshResult {
        }
    }
}
