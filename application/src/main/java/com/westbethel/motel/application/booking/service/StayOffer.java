package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.Promotions;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.GuestContact;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.booking.StayPricing;
import com.westbethel.motel.domain.booking.StayQuote;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.stay.Stay;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The steps every new booking takes between the request and the hold, whoever books (a guest online, the front desk): the
 * stay checked, the room type found and its occupancy respected, the stay priced night by night with the minimum stay and a
 * promotion code applied; then the free rooms tried in turn, each insert guarded by the database's no-overlap rule. What
 * differs between the two (whose booking it is, the caps on unpaid holds, which rooms are tried) stays with each service.
 */
final class StayOffer {

    private final Inventory inventory;
    private final Bookings bookings;
    private final PromotionCodes codes;
    private final StayRequest stayRequest;
    private final BookingSettings settings;

    StayOffer(Inventory inventory, Bookings bookings, Promotions promotions, BookingSettings settings, Clock clock) {
        this.inventory = inventory;
        this.bookings = bookings;
        this.codes = new PromotionCodes(promotions);
        this.stayRequest = new StayRequest(settings, clock);
        this.settings = settings;
    }

    /**
     * A stay of a room type, priced.
     *
     * @param promotion the promotion whose code was applied, to be redeemed before the hold
     * @param code the code as normalised, stored on the booking
     */
    record Offer(Property property, RoomType roomType, Stay stay, int guests, StayQuote price, Optional<Promotion> promotion, Optional<String> code) {
    }

    /** The stay of the room type, priced with the code; or the refusal naming the field at fault. */
    Outcome<Offer> priced(Property property, UUID roomTypeId, LocalDate checkIn, LocalDate checkOut, int guests, Optional<String> promotionCode) {
        Optional<Refusal> refusal = stayRequest.check(checkIn, checkOut, guests, property);
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        Optional<RoomType> roomType = inventory.roomType(new RoomTypeId(roomTypeId)).filter(type -> type.property().equals(property.id()));
        if (roomType.isEmpty()) {
            return Outcome.refused(new Refusal(Refusal.Kind.NOT_FOUND, "roomTypeId", "There is no room type " + roomTypeId + "."));
        }
        if (guests > roomType.get().maxOccupancy()) {
            return Outcome.invalid("guests", "A %s sleeps at most %d guests.".formatted(roomType.get().name(), roomType.get().maxOccupancy()));
        }
        Stay stay = new Stay(checkIn, checkOut);
        StayQuote quote = StayPricing.quote(roomType.get(), inventory.ratePlans(property.id(), stay), stay);
        if (stay.nights() < quote.minimumStay()) {
            return Outcome.invalid("checkOut", "Stays on these dates are at least %d nights.".formatted(quote.minimumStay()));
        }
        Optional<String> code = PromotionCodes.normalised(promotionCode);
        Outcome<Optional<Promotion>> looked = codes.find(code);
        if (looked instanceof Outcome.Refused<Optional<Promotion>> unknown) {
            return Outcome.refused(unknown.refusal());
        }
        Optional<Promotion> promotion = ((Outcome.Success<Optional<Promotion>>) looked).value();
        if (promotion.isPresent()) {
            Outcome<StayQuote> discounted = PromotionCodes.discounted(promotion.get(), stay, quote);
            if (discounted instanceof Outcome.Refused<StayQuote> refused) {
                return Outcome.refused(refused.refusal());
            }
            quote = ((Outcome.Success<StayQuote>) discounted).value();
        }
        return Outcome.success(new Offer(property, roomType.get(), stay, guests, quote, promotion, code));
    }

    /** The rooms of the offer's type free for its whole stay, in the order they are given out (by number); a read, no lock. */
    List<RoomId> freeRooms(Offer offer) {
        return bookings.freeRooms(offer.roomType().id(), offer.stay());
    }

    /** Holds the first of these rooms still free, unpaid for the hold duration; empty when every one was taken meanwhile. */
    Optional<Booking> hold(Offer offer, List<RoomId> rooms, Optional<UserId> account, GuestContact guest, Instant now) {
        return bookings.holdFirstFree(rooms, room -> Booking.hold(offer.property().id(), account, guest, offer.roomType().id(), room, offer.stay(),
                offer.guests(), offer.price(), offer.code(), now, now.plus(settings.holdDuration())));
    }

    /** No room of the type is free for the stay. */
    static <T> Outcome<T> soldOut(Offer offer) {
        return Outcome.refused(new Refusal(Refusal.Kind.SOLD_OUT, null, "No %s is free from %s to %s. Try other dates or another room type."
                .formatted(offer.roomType().name(), offer.stay().checkIn(), offer.stay().checkOut())));
    }
}
