package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase.GuestDetails;
import com.westbethel.motel.application.booking.port.in.BookWalkInUseCase;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.booking.port.out.IdempotencyKeys;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.Promotions;
import com.westbethel.motel.application.operations.port.out.BusinessMetrics;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.booking.GuestContact;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.RoomId;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A walk-in booked at the front desk: priced and held as any booking is ({@link StayOffer}), with the desk's own rules. The
 * booking has no account: it is the guest's, never the staff member's who typed it. The guest's email is optional. There is
 * no cap on unpaid holds (the desk takes the payment at once) and no promotion code (a code's per-guest limit needs an
 * account or an address). A room asked for by number is the only one tried: another room of the type would not be what the
 * desk promised the guest. Audited with the staff member's id and counted for the front desk.
 */
public class BookWalkInService implements BookWalkInUseCase {

    private final Inventory inventory;
    private final Bookings bookings;
    private final StayOffer offer;
    private final Idempotency idempotency;
    private final BookingViews views;
    private final BookingAudit audit;
    private final Clock clock;
    private final BusinessMetrics metrics;

    public BookWalkInService(Inventory inventory, Bookings bookings, Promotions promotions, IdempotencyKeys idempotencyKeys, AuditLog auditLog,
            BookingSettings settings, Clock clock, BusinessMetrics metrics) {
        this.inventory = inventory;
        this.bookings = bookings;
        this.offer = new StayOffer(inventory, bookings, promotions, settings, clock);
        this.idempotency = new Idempotency(idempotencyKeys, clock);
        this.views = new BookingViews(inventory, settings);
        this.audit = new BookingAudit(auditLog);
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public Outcome<BookingView> book(WalkInCommand command) {
        Optional<Property> found = inventory.defaultProperty();
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("The motel is not set up yet."));
        }
        Property property = found.get();
        Outcome<GuestContact> named = GuestDetailsCheck.atTheDesk(command.guest());
        if (named instanceof Outcome.Refused<GuestContact> refused) {
            return Outcome.refused(refused.refusal());
        }
        GuestContact guest = ((Outcome.Success<GuestContact>) named).value();
        Optional<String> roomNumber = command.roomNumber().map(String::strip).filter(number -> !number.isEmpty());
        // A key is unique within the staff member's own keys: two desks never answer each other's retries.
        Idempotency.Request request = Idempotency.Request.of("desk:" + command.staff().account().orElseThrow(), command.idempotencyKey(),
                "booking", fingerprinted(command, roomNumber));
        Optional<Outcome<BookingView>> answered = idempotency.claim(request, id -> bookings.find(new BookingId(id)).map(views::of));
        if (answered.isPresent()) {
            return answered.get();
        }
        Outcome<StayOffer.Offer> priced = offer.priced(property, command.roomTypeId(), command.checkIn(), command.checkOut(), command.guests(),
                Optional.empty());
        if (priced instanceof Outcome.Refused<StayOffer.Offer> refused) {
            return Outcome.refused(refused.refusal());
        }
        StayOffer.Offer offered = ((Outcome.Success<StayOffer.Offer>) priced).value();
        List<RoomId> freeRooms = offer.freeRooms(offered);
        if (roomNumber.isPresent()) {
            freeRooms = freeRooms.stream().filter(room -> inventory.roomNumber(room).equals(roomNumber.get())).toList();
            if (freeRooms.isEmpty()) {
                return roomTaken(offered, roomNumber.get());
            }
        } else if (freeRooms.isEmpty()) {
            return StayOffer.soldOut(offered);
        }
        Instant now = clock.instant();
        Optional<Booking> held = offer.hold(offered, freeRooms, Optional.empty(), guest, now);
        if (held.isEmpty()) {
            return roomNumber.isPresent() ? roomTaken(offered, roomNumber.get()) : StayOffer.soldOut(offered);
        }
        idempotency.complete(request, held.get().id().value());
        audit.booking(BookingAudit.actor(command.staff()), "BOOKING_HELD", Map.of(), held.get(), now);
        metrics.bookingCreated(Channel.FRONT_DESK);
        return Outcome.success(views.of(held.get()));
    }

    private static Outcome<BookingView> roomTaken(StayOffer.Offer offered, String roomNumber) {
        return Outcome.refused(new Refusal(Refusal.Kind.SOLD_OUT, "roomNumber", "Room %s is not a %s free from %s to %s. Leave the room out to "
                .formatted(roomNumber, offered.roomType().name(), offered.stay().checkIn(), offered.stay().checkOut())
                + "take the first free one, or pick another."));
    }

    /** What the command asks, as a retry must ask it again. */
    private static Object[] fingerprinted(WalkInCommand command, Optional<String> roomNumber) {
        GuestDetails guest = command.guest();
        return new Object[] {command.roomTypeId(), command.checkIn(), command.checkOut(), command.guests(), roomNumber, strip(guest.firstName()),
                strip(guest.lastName()), strip(guest.email()).toLowerCase(Locale.ROOT), guest.phone().map(String::strip)};
    }

    private static String strip(String typed) {
        return typed == null ? "" : typed.strip();
    }
}
