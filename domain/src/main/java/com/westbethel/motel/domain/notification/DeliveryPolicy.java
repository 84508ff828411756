package com.westbethel.motel.domain.notification;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * When to try a failed email again: exponential back-off from the first retry delay, capped, with up to
 * a fifth of random jitter so that many failures do not retry in lockstep; after the last attempt, none.
 */
public record DeliveryPolicy(int maxAttempts, Duration firstRetry, Duration longestRetry) {

    public DeliveryPolicy {
        if (maxAttempts < 1) {
            throw new IllegalArgumentException("at least one attempt");
        }
    }

    public static DeliveryPolicy defaults() {
        return new DeliveryPolicy(8, Duration.ofSeconds(30), Duration.ofHours(1));
    }

    /**
     * @param attemptsMade attempts so far, the failed one included
     * @param jitter a random number in [0, 1)
     * @return when to try again, or empty when the email is dead
     */
    public Optional<Instant> nextAttempt(int attemptsMade, Instant now, double jitter) {
        if (attemptsMade >= maxAttempts) {
            return Optional.empty();
        }
        Duration delay = firstRetry.multipliedBy(1L << Math.min(attemptsMade - 1, 20));
        if (delay.compareTo(longestRetry) > 0) {
            delay = longestRetry;
        }
        long jitterMillis = (long) (delay.toMillis() * 0.2 * jitter);
        return Optional.of(now.plus(delay).plusMillis(jitterMillis));
    }
}
