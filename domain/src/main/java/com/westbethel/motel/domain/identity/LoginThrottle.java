package com.westbethel.motel.domain.identity;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How failed logins slow down a guesser: a few free failures, then a lock that doubles with each
 * further failure up to a ceiling. Failures are forgotten after a quiet spell.
 *
 * <p>The lock is kept per address and account together, never per account alone: an attacker who
 * hammers a guest's account from one address locks only that address out of it, while the guest,
 * from anywhere else, logs in as usual. A separate, looser throttle per address alone stops one
 * address from trying many accounts.
 *
 * @param freeFailures failures allowed before the first lock
 * @param firstLock the first lock's length
 * @param longestLock the ceiling of the doubling
 * @param forgetAfter failures older than this no longer count
 */
public record LoginThrottle(int freeFailures, Duration firstLock, Duration longestLock, Duration forgetAfter) {

    public LoginThrottle {
        if (freeFailures < 1) {
            throw new IllegalArgumentException("at least one failure must be free");
        }
        Objects.requireNonNull(firstLock, "firstLock");
        Objects.requireNonNull(longestLock, "longestLock");
        Objects.requireNonNull(forgetAfter, "forgetAfter");
    }

    /** One address against one account: 5 tries, then 30 s, 1 min, 2 min ... up to 15 min. */
    public static LoginThrottle addressAndAccount() {
        return new LoginThrottle(5, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(15));
    }

    /** One address against any accounts: 30 tries, then 1 min doubling up to 1 h. */
    public static LoginThrottle address() {
        return new LoginThrottle(30, Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(1));
    }

    /** At most this many failed logins an hour for one account, from all addresses together (ASVS 2.2.1). */
    public static final int ACCOUNT_FAILURES_PER_HOUR = 100;

    /**
     * One account from any addresses: {@code freeFailures} tries, then one try per {@code 1 h / (100 - freeFailures)}
     * (40 s after 10), so that no hour ever sees more than {@value #ACCOUNT_FAILURES_PER_HOUR} failures: the free
     * tries come back only after an hour without a failure. The wait never grows: the owner is slowed, not locked out.
     */
    public static LoginThrottle accountPace(int freeFailures) {
        if (freeFailures < 1 || freeFailures >= ACCOUNT_FAILURES_PER_HOUR) {
            throw new IllegalArgumentException("free failures per account must be between 1 and " + (ACCOUNT_FAILURES_PER_HOUR - 1));
        }
        long paced = ACCOUNT_FAILURES_PER_HOUR - freeFailures;
        Duration spacing = Duration.ofSeconds((Duration.ofHours(1).toSeconds() + paced - 1) / paced);
        return new LoginThrottle(freeFailures, spacing, spacing, Duration.ofHours(1));
    }

    /**
     * The fixed wait between tries of a pace such as {@link #accountPace}; a doubling throttle has none. A pace's
     * slot is claimed before the password is checked (see the login service), which needs a wait known in advance.
     */
    public Duration spacing() {
        if (!firstLock.equals(longestLock)) {
            throw new IllegalStateException("a doubling throttle has no fixed spacing");
        }
        return firstLock;
    }

    /** The lock earned by this many consecutive failures, if any. */
    public Optional<Duration> lockAfter(int consecutiveFailures) {
        if (consecutiveFailures < freeFailures) {
            return Optional.empty();
        }
        int doublings = Math.min(consecutiveFailures - freeFailures, 20);
        Duration lock = firstLock.multipliedBy(1L << doublings);
        return Optional.of(lock.compareTo(longestLock) > 0 ? longestLock : lock);
    }
}
