package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.InventoryListing;
import java.time.Clock;
import java.util.Optional;

/** The inventory as staff see it, on the motel's own date (closures ahead are those with a night from then on). */
public record ViewInventoryService(Inventory motel, InventoryListing listing, Clock clock) implements ViewInventoryUseCase {

    @Override
    public Optional<InventoryView> inventory() {
        return motel.defaultProperty().map(property -> {
            var today = property.today(clock);
            return new InventoryView(today, listing.roomTypes(property.id()), listing.rooms(property.id(), today), listing.ratePlans(property.id()),
                    listing.promotions(PROMOTIONS_SHOWN));
        });
    }
}
