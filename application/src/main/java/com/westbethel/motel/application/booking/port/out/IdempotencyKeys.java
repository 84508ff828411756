package com.westbethel.motel.application.booking.port.out;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Idempotency-Key records. Claiming a key inserts it, once; a concurrent second claim waits for the
 * first transaction and then sees its outcome, so a retry never repeats the work.
 */
public interface IdempotencyKeys {

    Claim claim(String scope, String key, String requestFingerprint, Instant now);

    void complete(String scope, String key, UUID resourceId);

    long deleteCreatedBefore(Instant instant);

    sealed interface Claim {

        record New() implements Claim {
        }

        record Existing(String requestFingerprint, Optional<UUID> resourceId) implements Claim {
        }
    }
}
