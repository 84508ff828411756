package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.domain.inventory.HousekeepingStatus;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Housekeeping's list of rooms and the status each is in; every change audited with who made it. */
public interface RoomHousekeepingUseCase {

    /** Today's rooms at the motel; empty if the motel has no property yet. */
    Optional<HousekeepingBoard> rooms();

    /** Sets the room's status ({@code CLEAN}, {@code DIRTY} or {@code INSPECTED}); refused naming {@code status}, or not found. */
    Outcome<RoomStatusView> setStatus(Actor staff, UUID roomId, String status);

    record HousekeepingBoard(LocalDate date, List<RoomStatusLine> rooms) {
    }

    record RoomStatusLine(UUID roomId, String number, int floor, String roomType, HousekeepingStatus status, Optional<Instant> changedAt,
            boolean occupied, Optional<String> arrivalToday, Optional<String> departureToday) {
    }

    record RoomStatusView(UUID roomId, String number, HousekeepingStatus status, Instant changedAt) {
    }
}
