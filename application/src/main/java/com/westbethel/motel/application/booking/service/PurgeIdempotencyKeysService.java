package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.PurgeIdempotencyKeysUseCase;
import com.westbethel.motel.application.booking.port.out.IdempotencyKeys;
import java.time.Clock;
import java.time.Duration;

/** Forgets Idempotency-Keys once no client retries with them any more. */
public class PurgeIdempotencyKeysService implements PurgeIdempotencyKeysUseCase {

    static final Duration KEEP_IDEMPOTENCY_KEYS = Duration.ofHours(48);

    private final IdempotencyKeys idempotencyKeys;
    private final Clock clock;

    public PurgeIdempotencyKeysService(IdempotencyKeys idempotencyKeys, Clock clock) {
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
    }

    @Override
    public long purgeIdempotencyKeys() {
        return idempotencyKeys.deleteCreatedBefore(clock.instant().minus(KEEP_IDEMPOTENCY_KEYS));
    }
}
