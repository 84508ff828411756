package com.westbethel.motel.application.booking.port.out;

import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;

/** Writing the inventory: properties, room types, rooms, rate plans, promotions. */
public interface InventoryAdmin {

    boolean anyProperty();

    void addProperty(Property property);

    void addRoomType(RoomType roomType);

    void addRoom(RoomId room, PropertyId property, RoomTypeId roomType, String number, int floor);

    void addRatePlan(RatePlan ratePlan);

    void addPromotion(Promotion promotion);
}
