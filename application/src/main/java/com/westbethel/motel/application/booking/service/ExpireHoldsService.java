package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.booking.port.in.ExpireHoldsUseCase;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.operations.port.out.BusinessMetrics;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/** Frees the rooms of unpaid holds whose time ran out; safe on several workers, as each hold is locked while it expires. */
public class ExpireHoldsService implements ExpireHoldsUseCase {

    private static final int BATCH = 200;

    private final Bookings bookings;
    private final BookingAudit audit;
    private final Clock clock;
    private final BusinessMetrics metrics;

    public ExpireHoldsService(Bookings bookings, AuditLog auditLog, Clock clock, BusinessMetrics metrics) {
        this.bookings = bookings;
        this.audit = new BookingAudit(auditLog);
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public int expireHolds() {
        Instant now = clock.instant();
        int expired = 0;
        for (BookingId id : bookings.expiredHolds(now, BATCH)) {
            Optional<Booking> booking = bookings.findForUpdate(id);
            Optional<Map<String, String>> before = booking.map(BookingAudit::snapshot);
            if (booking.isPresent() && booking.get().expireHold(now)) {
                bookings.update(booking.get());
                audit.booking("system:hold-expiry", "BOOKING_HOLD_EXPIRED", before.get(), booking.get(), now);
                expired++;
            }
        }
        if (expired > 0) {
            metrics.holdsExpired(expired);
        }
        return expired;
    }
}
