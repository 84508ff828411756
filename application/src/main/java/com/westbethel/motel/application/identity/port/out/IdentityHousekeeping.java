package com.westbethel.motel.application.identity.port.out;

import java.time.Instant;

/** Deletes identity data past its use. */
public interface IdentityHousekeeping {

    /** Refresh, one-time and revoked-token entries that expired before the instant. */
    long deleteTokensExpiredBefore(Instant instant);

    /** Failed-login counters last touched before the instant and no longer locking anyone. */
    long deleteLoginCountersIdleSince(Instant instant);

    /** Security log entries older than the instant. */
    long deleteSecurityEventsBefore(Instant instant);
}
