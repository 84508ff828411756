package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.SearchAvailabilityUseCase;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.Promotions;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.booking.StayPricing;
import com.westbethel.motel.domain.booking.StayQuote;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.stay.Stay;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is free for a stay and what it costs: every room type that sleeps the party, cheapest first, priced
 * night by night, with a promotion code's discount when it applies. A type whose season asks for a longer stay
 * shows no free rooms, with its minimum stay. The prices are the ones {@link BookRoomService} charges: the same
 * {@link StayPricing} and the same {@link PromotionCodes}.
 */
public class SearchAvailabilityService implements SearchAvailabilityUseCase {

    private final Inventory inventory;
    private final PromotionCodes codes;
    private final StayRequest stayRequest;
    private final Clock clock;

    public SearchAvailabilityService(Inventory inventory, Promotions promotions, BookingSettings settings, Clock clock) {
        this.inventory = inventory;
        this.codes = new PromotionCodes(promotions);
        this.stayRequest = new StayRequest(settings, clock);
        this.clock = clock;
    }

    @Override
    public Outcome<Availability> search(LocalDate checkIn, LocalDate checkOut, int guests, Optional<String> promotionCode) {
        Optional<Property> found = inventory.defaultProperty();
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("The motel is not set up yet."));
        }
        Property property = found.get();
        Optional<Refusal> refusal = stayRequest.check(checkIn, checkOut, guests, property);
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        Stay stay = new Stay(checkIn, checkOut);
        Optional<Promotion> promotion = Optional.empty();
        Optional<String> promotionRefused = Optional.empty();
        Outcome<Optional<Promotion>> code = codes.find(promotionCode);
        if (code instanceof Outcome.Refused<Optional<Promotion>> unknown) {
            promotionRefused = Optional.of(unknown.refusal().reason());
        } else {
            promotion = ((Outcome.Success<Optional<Promotion>>) code).value();
        }
        List<RatePlan> ratePlans = inventory.ratePlans(property.id(), stay);
        Map<RoomTypeId, Integer> free = inventory.freeRooms(property.id(), stay);
        List<RoomTypeOffer> offers = new ArrayList<>();
        for (RoomType type : inventory.roomTypes(property.id())) {
            if (type.maxOccupancy() < guests) {
                continue;
            }
            StayQuote quote = StayPricing.quote(type, ratePlans, stay);
            if (promotion.isPresent()) {
                Outcome<StayQuote> discounted = PromotionCodes.discounted(promotion.get(), stay, quote);
                if (discounted instanceof Outcome.Refused<StayQuote> refused) {
                    // The stay's dates or length are at fault, so the code applies to no room type: say so once, price without it.
                    promotionRefused = Optional.of(refused.refusal().reason());
                    promotion = Optional.empty();
                } else {
                    quote = ((Outcome.Success<StayQuote>) discounted).value();
                }
            }
            int available = stay.nights() < quote.minimumStay() ? 0 : free.getOrDefault(type.id(), 0);
            offers.add(new RoomTypeOffer(type.id().value(), type.name(), type.description(), type.amenities(), type.maxOccupancy(), available, quote));
        }
        offers.sort(Comparator.comparing(offer -> offer.total().amount()));
        return Outcome.success(new Availability(checkIn, checkOut, stay.nights(), offers, promotion.map(Promotion::code), promotionRefused,
                cancellation(property, checkIn)));
    }

    private CancellationTerms cancellation(Property property, LocalDate checkIn) {
        Instant freeUntil = property.cancellationPolicy().freeUntil(property.checkInAt(checkIn));
        return new CancellationTerms(property.cancellationPolicy().freeUntilHoursBeforeCheckIn(), ZonedDateTime.ofInstant(freeUntil, property.timeZone()),
                clock.instant().isBefore(freeUntil));
    }
}
