package com.westbethel.motel.application.identity.port.in;

/** Housekeeping: forget tokens, counters and log entries that can no longer matter. */
public interface PurgeExpiredIdentityDataUseCase {

    /** @return how many rows were removed */
    long purgeExpired();
}
