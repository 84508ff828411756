package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.domain.shared.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Anyone asks what is free for a stay and what it costs. */
public interface SearchAvailabilityUseCase {

    Outcome<Availability> search(LocalDate checkIn, LocalDate checkOut, int guests);

    record Availability(LocalDate checkIn, LocalDate checkOut, int nights, List<RoomTypeOffer> roomTypes) {
    }

    /** A room type that sleeps the party, with its free rooms and the stay's total. */
    record RoomTypeOffer(UUID roomTypeId, String name, int maxOccupancy, int availableRooms, Money total, int minimumStay) {
    }
}
