package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.PurgeIdempotencyKeysUseCase;
import com.westbethel.motel.application.booking.port.out.IdempotencyKeys;
import java.time.Clock;

/** Forgets Idempotency-Keys once no client retries with them any more ({@link Idempotency#KEPT_FOR}). */
public class PurgeIdempotencyKeysService implements PurgeIdempotencyKeysUseCase {

    private final Idempotency idempotency;

    public PurgeIdempotencyKeysService(IdempotencyKeys idempotencyKeys, Clock clock) {
        this.idempotency = new Idempotency(idempotencyKeys, clock);
    }

    @Override
    public long purgeIdempotencyKeys() {
        return idempotency.forgetOldKeys();
    }
}
