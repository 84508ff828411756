package com.westbethel.motel.application.booking.port.out;

import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Changing and removing inventory, and what those changes must not strand: the bookings that need a room (unpaid holds,
 * confirmed stays, guests in house) from a day on ({@link InventoryAdmin#bookingsHoldingRoom} for one room). Each write
 * drops the cached copies of what it changed.
 */
public interface InventoryEdits {

    /** References of the bookings of {@code roomType} that need a room for a night from {@code from} on (as {@link InventoryAdmin#bookingsHoldingRoom}), by check-in. */
    List<String> bookingsOfRoomTypeFrom(RoomTypeId roomType, LocalDate from);

    boolean roomEverBooked(RoomId room);

    boolean roomTypeEverBooked(RoomTypeId roomType);

    /** The numbers of the rooms of a type, retired rooms included. */
    List<String> roomNumbers(RoomTypeId roomType);

    boolean roomNumberTaken(PropertyId property, String number, RoomId except);

    void updateRoom(RoomId room, RoomTypeId roomType, String number, int floor);

    void removeRoom(RoomId room);

    void retireRoomType(RoomTypeId roomType, Instant at);

    /** Deletes it with its rate plans and photo. */
    void removeRoomType(RoomTypeId roomType);

    Optional<Closure> closure(UUID closureId);

    void removeClosure(Closure closure);

    void updateRatePlan(RatePlan ratePlan);

    Optional<PromotionFacts> promotion(UUID promotionId);

    boolean promotionCodeTaken(String code, UUID except);

    /** @param previousCode the code it had, whose cached copy is dropped as well */
    void updatePromotion(Promotion promotion, String previousCode);

    void retirePromotion(Promotion promotion, Instant at);

    void removePromotion(Promotion promotion);

    record Closure(UUID id, RoomId room, PropertyId property, LocalDate starts, LocalDate ends, String reason) {
    }

    /** @param used a booking redeemed the code, whether or not it still counts */
    record PromotionFacts(Promotion promotion, boolean used, boolean retired) {
    }
}
