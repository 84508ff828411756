package com.westbethel.motel.application.identity.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Optional;

/** Counters of failed logins and the locks they earned, by key (such as an address and an account). */
public interface LoginAttempts {

    /** Counts one more failure and returns the consecutive failures; a last failure older than {@code forgetAfter} starts over. */
    int recordFailure(String key, Instant now, Duration forgetAfter);

    void lock(String key, Instant until);

    /** The latest lock still running at {@code now} among the keys. */
    Optional<Instant> lockedUntil(Collection<String> keys, Instant now);

    /**
     * Claims one try on a paced key in a single atomic step, taken before the password is checked, so that tries sent
     * at once cannot all pass a check of the lock before any of them is counted. Refused while the key waits; otherwise
     * the try is counted (a count whose last try is older than {@code forgetAfter} starts over) and, from the
     * {@code freeTries}-th try on, the key then waits {@code spacing}.
     *
     * @return empty when the try may go ahead; otherwise until when the key waits
     */
    Optional<Instant> claimPacedTry(String key, Instant now, int freeTries, Duration spacing, Duration forgetAfter);

    void clear(String key);
}
