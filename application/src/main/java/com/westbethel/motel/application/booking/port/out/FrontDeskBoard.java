package com.westbethel.motel.application.booking.port.out;

import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.inventory.HousekeepingStatus;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.stay.Stay;
import java.time.LocalDate;
import java.util.List;

/**
 * The front desk's day, read straight from the system of record (never a cache: the desk acts on what it reads), one
 * list per question, each ordered by room number.
 */
public interface FrontDeskBoard {

    /**
     * One booking as the desk sees it, with its room's housekeeping status.
     *
     * @param roomStillOccupied another booking of the same room is still checked in (its guest has not left yet)
     */
    record StayRow(BookingId booking, String reference, String guestName, int guests, RoomId room, String roomNumber, String roomType, Stay stay,
            BookingStatus status, HousekeepingStatus housekeeping, boolean roomStillOccupied) {
    }

    /** Bookings checking in on {@code date} that are or were expected: awaiting payment, confirmed, checked in, no-show. */
    List<StayRow> arrivals(PropertyId property, LocalDate date);

    /**
     * Bookings checking out on {@code date} (still in, or gone), and guests still checked in whose check-out day has passed
     * (overdue).
     */
    List<StayRow> departures(PropertyId property, LocalDate date);

    /** Guests in the house on the night of {@code date}: checked in, and that night is one of their stay's. */
    List<StayRow> inHouse(PropertyId property, LocalDate date);
}
