package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.ExtendHoldUseCase;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.booking.Transition;
import com.westbethel.motel.domain.inventory.Property;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Giving a guest more time to pay: in the hold's last minutes ({@link BookingSettings#holdExtensionWindow()}), the hold runs
 * another hold duration from now, up to the configured number of times.
 */
public class ExtendHoldService implements ExtendHoldUseCase {

    private final Bookings bookings;
    private final Inventory inventory;
    private final BookingViews views;
    private final BookingAudit audit;
    private final BookingSettings settings;
    private final Clock clock;

    public ExtendHoldService(Bookings bookings, Inventory inventory, AuditLog auditLog, BookingSettings settings, Clock clock) {
        this.bookings = bookings;
        this.inventory = inventory;
        this.views = new BookingViews(inventory, settings);
        this.audit = new BookingAudit(auditLog);
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Outcome<BookingView> extend(Actor actor, UUID bookingId) {
        // Locked until the transaction ends: an extension and a payment or the hold's expiry queue up.
        Optional<Booking> found = bookings.findForUpdate(new BookingId(bookingId)).filter(actor::owns);
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.noBooking(bookingId));
        }
        Booking booking = found.get();
        Instant now = clock.instant();
        Map<String, String> before = BookingAudit.snapshot(booking);
        ZoneId zone = inventory.property(booking.property()).map(Property::timeZone).orElse(ZoneOffset.UTC);
        if (booking.extendHold(now.atZone(zone), settings.holdDuration(), settings.holdExtensionWindow(), settings.maxHoldExtensions())
                instanceof Transition.Refused refused) {
            return Outcome.refused(Refusal.conflict(refused.reason()));
        }
        bookings.update(booking);
        audit.booking(BookingAudit.actor(actor), "BOOKING_HOLD_EXTENDED", before, booking, now);
        return Outcome.success(views.of(booking));
    }
}
