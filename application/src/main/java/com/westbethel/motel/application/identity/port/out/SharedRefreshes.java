package com.westbethel.motel.application.identity.port.out;

import java.time.Instant;
import java.util.Optional;

/** The pair a refresh token was just traded for, kept (sealed) for the other requests that held it. */
public interface SharedRefreshes {

    /** Makes every other refresh of this token wait until the current transaction ends, whichever server runs it. */
    void lock(String refreshTokenHash);

    /** The pair this token was traded for, if that is still kept at {@code now}. */
    Optional<Successor> find(String refreshTokenHash, Instant now);

    void save(String refreshTokenHash, Successor successor, Instant keptUntil);

    record Successor(String accessToken, String refreshToken, long expiresInSeconds) {

        @Override
        public String toString() {
            return "Successor[redacted]";
        }
    }
}
