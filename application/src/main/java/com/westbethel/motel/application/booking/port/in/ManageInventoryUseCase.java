package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomType;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Admins shape what the motel sells: room types, rooms and their closures, rate plans, promotion codes. Every change is audited. */
public interface ManageInventoryUseCase {

    Outcome<RoomType> addRoomType(Actor admin, String name, String description, int maxOccupancy, BigDecimal baseRate, List<String> amenities);

    Outcome<RoomType> updateRoomType(Actor admin, UUID roomTypeId, String name, String description, int maxOccupancy, BigDecimal baseRate,
            List<String> amenities);

    Outcome<UUID> addRoom(Actor admin, UUID roomTypeId, String number, int floor);

    Outcome<UUID> setRoomInService(Actor admin, UUID roomId, boolean inService);

    /** Takes a room out of service for the nights from {@code starts} up to {@code ends}; refused while a booking holds one of them. */
    Outcome<UUID> closeRoom(Actor admin, UUID roomId, LocalDate starts, LocalDate ends, String reason);

    Outcome<RatePlan> addRatePlan(Actor admin, UUID roomTypeId, String name, LocalDate validFrom, LocalDate validUntil, BigDecimal weekdayRate,
            BigDecimal weekendRate, int minimumStay);

    Outcome<UUID> removeRatePlan(Actor admin, UUID ratePlanId);

    Outcome<Promotion> addPromotion(Actor admin, String code, Promotion.Kind kind, BigDecimal value, LocalDate validFrom, LocalDate validUntil,
            Optional<Integer> usageLimit, int perGuestLimit, int minimumNights);
}
