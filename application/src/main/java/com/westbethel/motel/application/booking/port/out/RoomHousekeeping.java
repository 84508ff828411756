package com.westbethel.motel.application.booking.port.out;

import com.westbethel.motel.domain.inventory.HousekeepingStatus;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RoomId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * Each room's housekeeping status. Not a fact of availability: writing it drops no cached availability, so its adapter
 * writes outside the inventory's change notifications.
 */
public interface RoomHousekeeping {

    /**
     * A room as housekeeping sees it on a day.
     *
     * @param changedAt when its status was last set; empty if never since the room was added
     * @param occupied a guest is checked in to it
     * @param arrivalToday the reference of a booking checking in to it that day that has not arrived yet
     * @param departureToday the reference of a booking checking out of it that day
     */
    record RoomState(RoomId room, String number, int floor, String roomType, HousekeepingStatus status, Optional<Instant> changedAt,
            boolean occupied, Optional<String> arrivalToday, Optional<String> departureToday) {
    }

    /** A room's number and status, the row locked until the transaction ends (two clerks setting it take turns). */
    record Current(RoomId room, String number, HousekeepingStatus status) {
    }

    /** The property's rooms in service, by number, as of {@code date}. */
    List<RoomState> rooms(PropertyId property, LocalDate date);

    Optional<Current> findForUpdate(RoomId room);

    void set(RoomId room, HousekeepingStatus status, Instant at);
}
