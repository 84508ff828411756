package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.ExpireHoldsUseCase;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.domain.booking.BookingId;
import java.time.Clock;
import java.time.Instant;

/** Frees the rooms of unpaid holds whose time ran out; safe on several workers (each hold is locked while it expires). */
public class HoldExpiry implements ExpireHoldsUseCase {

    private static final int BATCH = 200;

    private final Bookings bookings;
    private final Clock clock;

    public HoldExpiry(Bookings bookings, Clock clock) {
        this.bookings = bookings;
        this.clock = clock;
    }

    @Override
    public int expireHolds() {
        Instant now = clock.instant();
        int expired = 0;
        for (BookingId id : bookings.expiredHolds(now, BATCH)) {
            var booking = bookings.findForUpdate(id);
            if (booking.isPresent() && booking.get().expireHold(now)) {
                bookings.update(booking.get());
                expired++;
            }
        }
        return expired;
    }
}
