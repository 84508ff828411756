package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.booking.port.out.IdempotencyKeys;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.Promotions;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.booking.StayPricing;
import com.westbethel.motel.domain.booking.StayQuote;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.stay.Stay;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Booking a room type for a stay: the stay is checked and priced, a promotion applied, and the first free room
 * held unpaid for a while. A retry with the same Idempotency-Key gets the first booking back.
 */
public class BookRoomService implements BookRoomUseCase {

    private final Inventory inventory;
    private final Bookings bookings;
    private final Promotions promotions;
    private final Idempotency idempotency;
    private final StayRequest stayRequest;
    private final BookingViews views;
    private final BookingAudit audit;
    private final BookingSettings settings;
    private final Clock clock;

    public BookRoomService(Inventory inventory, Bookings bookings, Promotions promotions, IdempotencyKeys idempotencyKeys, AuditLog auditLog,
            BookingSettings settings, Clock clock) {
        this.inventory = inventory;
        this.bookings = bookings;
        this.promotions = promotions;
        this.idempotency = new Idempotency(idempotencyKeys, clock);
        this.stayRequest = new StayRequest(settings, clock);
        this.views = new BookingViews(inventory);
        this.audit = new BookingAudit(auditLog);
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public Outcome<BookingView> book(BookRoomCommand command) {
        Optional<Property> found = inventory.defaultProperty();
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("The motel is not set up yet."));
        }
        Property property = found.get();
        UserId guest = command.guest().user();
        Idempotency.Request request = Idempotency.Request.of("booking:" + guest, command.idempotencyKey(), "booking", command.roomTypeId(),
                command.checkIn(), command.checkOut(), command.guests(), command.promotionCode());
        // A retry is answered before anything is checked again: the first answer stands even if, say, the date has moved on.
        Optional<Outcome<BookingView>> answered = idempotency.claim(request, id -> bookings.find(new BookingId(id)).map(views::of));
        if (answered.isPresent()) {
            return answered.get();
        }
        Optional<Refusal> refusal = stayRequest.check(command.checkIn(), command.checkOut(), command.guests(), property);
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        Optional<RoomType> roomType = inventory.roomType(new RoomTypeId(command.roomTypeId()))
                .filter(type -> type.property().equals(property.id()));
        if (roomType.isEmpty()) {
            return Outcome.refused(new Refusal(Refusal.Kind.NOT_FOUND, "roomTypeId", "There is no room type " + command.roomTypeId() + "."));
        }
        if (command.guests() > roomType.get().maxOccupancy()) {
            return Outcome.invalid("guests", "A %s sleeps at most %d guests.".formatted(roomType.get().name(), roomType.get().maxOccupancy()));
        }
        Stay stay = new Stay(command.checkIn(), command.checkOut());
        StayQuote quote = StayPricing.quote(roomType.get(), inventory.ratePlans(property.id(), stay), stay);
        if (stay.nights() < quote.minimumStay()) {
            return Outcome.invalid("checkOut", "Stays on these dates are at least %d nights.".formatted(quote.minimumStay()));
        }
        Optional<String> code = command.promotionCode().filter(text -> !text.isBlank()).map(Promotion::normalise);
        Optional<Promotion> promotion = Optional.empty();
        if (code.isPresent()) {
            promotion = promotions.byCode(code.get());
            if (promotion.isEmpty()) {
                return Outcome.invalid("promoCode", "There is no promotion code " + code.get() + ".");
            }
            Promotion.Verdict verdict = promotion.get().apply(stay, quote.subtotal());
            if (verdict instanceof Promotion.Verdict.Refused refused) {
                return Outcome.invalid("promoCode", refused.reason());
            }
            quote = quote.withDiscount(((Promotion.Verdict.Applied) verdict).discount());
        }
        Instant now = clock.instant();
        // Counted under a lock on the guest (until commit), so parallel requests cannot all see room under the cap.
        if (bookings.unpaidHoldsOf(guest, now) >= settings.maxUnpaidHolds()) {
            return Outcome.refused(new Refusal(Refusal.Kind.TOO_MANY_UNPAID_HOLDS, null, ("You already have %d unpaid bookings waiting for "
                    + "payment, as many as one guest may hold at once. Pay for one or cancel it, or let it expire, then book again.")
                    .formatted(settings.maxUnpaidHolds())));
        }
        // Taken last before the hold, so the code's row is locked for as short a time as possible.
        if (promotion.isPresent()) {
            Promotions.Redemption redemption = promotions.redeem(promotion.get(), guest);
            if (redemption == Promotions.Redemption.USED_UP) {
                return Outcome.invalid("promoCode", promotion.get().usedUp());
            }
            if (redemption == Promotions.Redemption.ALREADY_USED_BY_GUEST) {
                return Outcome.invalid("promoCode", promotion.get().alreadyUsedByGuest());
            }
        }
        StayQuote price = quote;
        Optional<Booking> held = bookings.holdFreeRoom(roomType.get().id(), stay, room -> Booking.hold(property.id(), guest,
                roomType.get().id(), room, stay, command.guests(), price, code, now, now.plus(settings.holdDuration())));
        if (held.isEmpty()) {
            promotion.ifPresent(redeemed -> promotions.release(redeemed, guest));
            return Outcome.refused(new Refusal(Refusal.Kind.SOLD_OUT, null,
                    "No %s is free from %s to %s. Try other dates or another room type.".formatted(roomType.get().name(), stay.checkIn(), stay.checkOut())));
        }
        idempotency.complete(request, held.get().id().value());
        audit.booking(BookingAudit.actor(command.guest()), "BOOKING_HELD", Map.of(), held.get(), now);
        return Outcome.success(views.of(held.get()));
    }
}
