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

    void clear(String key);
}
