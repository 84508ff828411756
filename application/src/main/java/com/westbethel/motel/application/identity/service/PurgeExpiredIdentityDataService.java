package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.identity.port.in.PurgeExpiredIdentityDataUseCase;
import com.westbethel.motel.application.identity.port.out.IdentityHousekeeping;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * What is kept how long: expired tokens a day past their expiry (so a late "expired" answer can
 * still be told from "unknown" in the logs), idle failure counters a day, the security log a year.
 */
public record PurgeExpiredIdentityDataService(IdentityHousekeeping housekeeping, Clock clock) implements PurgeExpiredIdentityDataUseCase {

    static final Duration EXPIRED_TOKEN_GRACE = Duration.ofDays(1);
    static final Duration IDLE_COUNTER = Duration.ofDays(1);
    static final Duration SECURITY_LOG_RETENTION = Duration.ofDays(365);

    @Override
    public long purgeExpired() {
        Instant now = clock.instant();
        return housekeeping.deleteTokensExpiredBefore(now.minus(EXPIRED_TOKEN_GRACE))
                + housekeeping.deleteLoginCountersIdleSince(now.minus(IDLE_COUNTER))
                + housekeeping.deleteSecurityEventsBefore(now.minus(SECURITY_LOG_RETENTION));
    }
}
