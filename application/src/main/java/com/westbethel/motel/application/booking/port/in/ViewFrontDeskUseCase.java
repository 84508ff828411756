package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.inventory.HousekeepingStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The front desk's day at a glance: who arrives, who leaves, who is in the house, and what can be done for each. */
public interface ViewFrontDeskUseCase {

    /** How far from today a day may be asked: the desk's lists are about stays, not history or distant plans. */
    int MAX_YEARS_AWAY = 5;

    /**
     * The day asked, or today at the motel; refused naming {@code date} for a day more than {@link #MAX_YEARS_AWAY} years
     * from today, not found if the motel has no property yet.
     */
    Outcome<FrontDeskDay> today(Optional<LocalDate> date);

    record FrontDeskDay(LocalDate date, LocalDate today, List<StayLine> arrivals, List<StayLine> departures, List<StayLine> inHouse) {
    }

    /**
     * One booking on the desk's lists.
     *
     * @param roomReady the room is cleaned (CLEAN or INSPECTED) and no other guest is still checked in to it
     * @param overdue a guest still checked in after their check-out day
     * @param canCheckIn what the desk can do now (today at the motel), by the booking's own rules
     */
    record StayLine(UUID bookingId, String reference, String guestName, int guests, UUID roomId, String roomNumber, String roomType,
            LocalDate checkIn, LocalDate checkOut, BookingStatus status, HousekeepingStatus housekeeping, boolean roomReady, boolean overdue,
            boolean canCheckIn, boolean canCheckOut, boolean canMarkNoShow) {
    }
}
