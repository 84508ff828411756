package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.FrontDeskUseCase;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.RoomHousekeeping;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.booking.Transition;
import com.westbethel.motel.domain.inventory.HousekeepingStatus;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.RoomId;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;

/**
 * The front desk's actions on bookings, each audited. A check-out leaves the room DIRTY for housekeeping, in the same
 * transaction (and audited as the clerk's change too). The web layer lets only staff and admins in.
 */
public class FrontDeskService implements FrontDeskUseCase {

    private static final BiConsumer<Booking, Instant> NOTHING_MORE = (booking, now) -> { };

    private final Bookings bookings;
    private final Inventory inventory;
    private final BookingAudit audit;
    private final BookingViews views;
    private final HousekeepingChanges housekeeping;
    private final Clock clock;

    public FrontDeskService(Bookings bookings, Inventory inventory, RoomHousekeeping rooms, AuditLog auditLog, BookingSettings settings,
            Clock clock) {
        this.bookings = bookings;
        this.inventory = inventory;
        this.audit = new BookingAudit(auditLog);
        this.views = new BookingViews(inventory, settings);
        this.housekeeping = new HousekeepingChanges(rooms, auditLog);
        this.clock = clock;
    }

    @Override
    public Outcome<BookingView> checkIn(Actor staff, UUID bookingId) {
        return change(staff, bookingId, "BOOKING_CHECKED_IN", (booking, property) -> booking.checkIn(property.today(clock)), NOTHING_MORE);
    }

    @Override
    public Outcome<BookingView> checkOut(Actor staff, UUID bookingId) {
        return change(staff, bookingId, "BOOKING_CHECKED_OUT", (booking, property) -> booking.checkOut(),
                (booking, now) -> housekeeping.set(BookingAudit.actor(staff), booking.room(), HousekeepingStatus.DIRTY, now));
    }

    @Override
    public Outcome<BookingView> markNoShow(Actor staff, UUID bookingId) {
        return change(staff, bookingId, "BOOKING_NO_SHOW", (booking, property) -> booking.markNoShow(property.today(clock)), NOTHING_MORE);
    }

    @Override
    public Outcome<BookingView> moveToRoom(Actor staff, UUID bookingId, String roomNumber) {
        return change(staff, bookingId, "BOOKING_MOVED", (booking, property) -> {
            Optional<RoomId> room = bookings.freeRoomForMove(booking.id(), booking.roomType(), roomNumber, booking.stay());
            return room.<Transition>map(booking::moveTo).orElseGet(() -> new Transition.Refused(
                    "Room %s is not a free room of the same type for %s to %s.".formatted(roomNumber, booking.stay().checkIn(), booking.stay().checkOut())));
        }, NOTHING_MORE);
    }

    /** @param then what else the change does once the booking is saved, in the same transaction */
    private Outcome<BookingView> change(Actor staff, UUID bookingId, String action, BiFunction<Booking, Property, Transition> transition,
            BiConsumer<Booking, Instant> then) {
        // The desk's own rule, not only the web's: whatever reaches this use case, only staff change a stay's course.
        if (!staff.isStaff()) {
            return Outcome.refused(Refusal.notFound("There is no booking " + bookingId + "."));
        }
        Optional<Booking> found = bookings.findForUpdate(new BookingId(bookingId));
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("There is no booking " + bookingId + "."));
        }
        Booking booking = found.get();
        Property property = inventory.property(booking.property()).orElseThrow();
        Map<String, String> before = BookingAudit.snapshot(booking);
        Transition result = transition.apply(booking, property);
        if (result instanceof Transition.Refused refused) {
            return Outcome.refused(new Refusal(Refusal.Kind.CONFLICT, null, refused.reason()));
        }
        Instant now = clock.instant();
        bookings.update(booking);
        audit.booking(BookingAudit.actor(staff), action, before, booking, now);
        then.accept(booking, now);
        return Outcome.success(views.of(booking));
    }
}
