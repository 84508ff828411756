package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.booking.port.in.ExpireHoldsUseCase;
import com.westbethel.motel.application.booking.port.in.PurgeIdempotencyKeysUseCase;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.booking.port.out.IdempotencyKeys;
import com.westbethel.motel.domain.booking.BookingId;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Booking housekeeping: frees the rooms of unpaid holds whose time ran out (safe on several workers:
 * each hold is locked while it expires) and forgets old idempotency keys.
 */
public class HoldExpiry implements ExpireHoldsUseCase, PurgeIdempotencyKeysUseCase {

    static final Duration KEEP_IDEMPOTENCY_KEYS = Duration.ofHours(48);

    private static final int BATCH = 200;

    private final Bookings bookings;
    private final IdempotencyKeys idempotencyKeys;
    private final BookingAudit audit;
    private final Clock clock;

    public HoldExpiry(Bookings bookings, IdempotencyKeys idempotencyKeys, AuditLog auditLog, Clock clock) {
        this.audit = new BookingAudit(auditLog);
        this.bookings = bookings;
        this.idempotencyKeys = idempotencyKeys;
        this.clock = clock;
    }

    @Override
    public int expireHolds() {
        Instant now = clock.instant();
        int expired = 0;
        for (BookingId id : bookings.expiredHolds(now, BATCH)) {
            var booking = bookings.findForUpdate(id);
            var before = booking.map(BookingAudit::snapshot);
            if (booking.isPresent() && booking.get().expireHold(now)) {
                bookings.update(booking.get());
                audit.booking("system:hold-expiry", "BOOKING_HOLD_EXPIRED", before.get(), booking.get(), now);
                expired++;
            }
        }
        return expired;
    }

    @Override
    public long purgeIdempotencyKeys() {
        return idempotencyKeys.deleteCreatedBefore(clock.instant().minus(KEEP_IDEMPOTENCY_KEYS));
    }
}
