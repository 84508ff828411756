package com.westbethel.motel.application.booking.port.out;

import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.stay.Stay;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The motel's rooms and rates as the system of record holds them. */
public interface Inventory {

    /** The property guests book at when they do not name one (today: the only one). */
    Optional<Property> defaultProperty();

    Optional<Property> property(PropertyId id);

    List<RoomType> roomTypes(PropertyId property);

    Optional<RoomType> roomType(RoomTypeId id);

    /** Rate plans of the property's room types that price at least one night of the stay. */
    List<RatePlan> ratePlans(PropertyId property, Stay stay);

    /** Per room type, the rooms in service, not closed and not booked for any night of the stay. */
    Map<RoomTypeId, Integer> freeRooms(PropertyId property, Stay stay);

    /**
     * Night by night over a range, per room type, the rooms in service, not closed and not booked that night: one
     * answer for a whole month of a calendar. A night or a room type with no free room is absent.
     *
     * @param nights the nights from its check-in up to, not including, its check-out
     */
    Map<LocalDate, Map<RoomTypeId, Integer>> freeRoomsPerNight(PropertyId property, Stay nights);

    String roomNumber(RoomId room);
}
