package com.westbethel.motel.application.booking.port.out;

import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Writing the inventory: properties, room types, rooms, rate plans, promotions. */
public interface InventoryAdmin {

    boolean anyProperty();

    void addProperty(Property property);

    void addRoomType(RoomType roomType);

    void addRoom(RoomId room, PropertyId property, RoomTypeId roomType, String number, int floor);

    void addRatePlan(RatePlan ratePlan);

    void addPromotion(Promotion promotion);

    void updateRoomType(RoomType roomType);

    boolean roomTypeNameTaken(PropertyId property, String name, Optional<RoomTypeId> except);

    boolean roomNumberTaken(PropertyId property, String number);

    Optional<RoomFacts> room(RoomId room);

    /**
     * Takes a room out of service from {@code today} (the property's date: tonight is the first night out), or puts it back
     * from {@code today}, and keeps the history of when it was out, which the occupancy report counts as out of order.
     */
    void setRoomInService(RoomId room, boolean inService, LocalDate today);

    /**
     * References of the bookings that need the room (unpaid holds, confirmed stays, guests in house; not a stay checked out
     * early) for a night of [starts, ends), by check-in. {@code LocalDate.MAX} for {@code ends}: from {@code starts} on.
     */
    List<String> bookingsHoldingRoom(RoomId room, LocalDate starts, LocalDate ends);

    void addClosure(UUID closureId, RoomId room, LocalDate starts, LocalDate ends, String reason);

    Optional<RatePlan> ratePlan(UUID ratePlanId);

    void removeRatePlan(UUID ratePlanId);

    boolean promotionCodeTaken(String code);

    record RoomFacts(RoomId id, PropertyId property, RoomTypeId roomType, String number, int floor, boolean inService) {
    }
}
