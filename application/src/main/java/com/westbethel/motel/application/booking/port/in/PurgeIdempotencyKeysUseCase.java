package com.westbethel.motel.application.booking.port.in;

/** Idempotency keys are kept at least 24 hours (48 here), then forgotten. */
public interface PurgeIdempotencyKeysUseCase {

    long purgeIdempotencyKeys();
}
