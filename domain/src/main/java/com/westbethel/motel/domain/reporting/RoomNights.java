package com.westbethel.motel.domain.reporting;

import com.westbethel.motel.domain.inventory.RoomTypeId;
import java.time.LocalDate;

/** The supply of one night and room type: the rooms of the type, and how many of them were closed or out of service that night. */
public record RoomNights(LocalDate night, RoomTypeId roomType, int rooms, int outOfOrder) {

    public RoomNights {
        if (rooms < 0 || outOfOrder < 0 || outOfOrder > rooms) {
            throw new IllegalArgumentException("%d rooms, %d out of order".formatted(rooms, outOfOrder));
        }
    }

    public int available() {
        return rooms - outOfOrder;
    }
}
