package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.SearchAvailabilityUseCase;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.domain.booking.StayPricing;
import com.westbethel.motel.domain.booking.StayQuote;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.stay.Stay;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is free for a stay and what it costs: every room type that sleeps the party, cheapest first, priced
 * night by night. A type whose season asks for a longer stay shows no free rooms, with its minimum stay.
 */
public class SearchAvailabilityService implements SearchAvailabilityUseCase {

    private final Inventory inventory;
    private final StayRequest stayRequest;

    public SearchAvailabilityService(Inventory inventory, BookingSettings settings, Clock clock) {
        this.inventory = inventory;
        this.stayRequest = new StayRequest(settings, clock);
    }

    @Override
    public Outcome<Availability> search(LocalDate checkIn, LocalDate checkOut, int guests) {
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
        List<RatePlan> ratePlans = inventory.ratePlans(property.id(), stay);
        Map<RoomTypeId, Integer> free = inventory.freeRooms(property.id(), stay);
        List<RoomTypeOffer> offers = inventory.roomTypes(property.id()).stream()
                .filter(type -> type.maxOccupancy() >= guests)
                .map(type -> {
                    StayQuote quote = StayPricing.quote(type, ratePlans, stay);
                    int available = stay.nights() < quote.minimumStay() ? 0 : free.getOrDefault(type.id(), 0);
                    return new RoomTypeOffer(type.id().value(), type.name(), type.maxOccupancy(), available, quote.total(), quote.minimumStay());
                })
                .sorted(Comparator.comparing(offer -> offer.total().amount()))
                .toList();
        return Outcome.success(new Availability(checkIn, checkOut, stay.nights(), offers));
    }
}
