package com.westbethel.motel.domain.inventory;

import com.westbethel.motel.domain.shared.Money;
import java.util.List;
import java.util.Objects;

/** A kind of room the motel sells: how many it sleeps and what a night costs when no rate plan says otherwise. */
public record RoomType(RoomTypeId id, PropertyId property, String name, String description, int maxOccupancy, Money baseRate,
        List<String> amenities) {

    public RoomType {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(property, "property");
        Objects.requireNonNull(name, "name");
        if (maxOccupancy < 1) {
            throw new IllegalArgumentException("a room sleeps at least one guest");
        }
        if (baseRate.isNegative() || baseRate.isZero()) {
            throw new IllegalArgumentException("a night costs something");
        }
        description = description == null ? "" : description;
        amenities = List.copyOf(amenities);
    }
}
