package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.inventory.HousekeepingStatus;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomType;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The staff console's inventory: every room type (the retired ones too), room, rate plan and promotion, as read now from
 * the database. The lists are bounded: a motel's room types, rooms and rate plans are few; promotions are the newest
 * {@link #PROMOTIONS_SHOWN}.
 */
public interface ViewInventoryUseCase {

    int PROMOTIONS_SHOWN = 200;

    /** Empty until the motel is set up. */
    Optional<InventoryView> inventory();

    record InventoryView(LocalDate today, List<RoomTypeLine> roomTypes, List<RoomLine> rooms, List<RatePlan> ratePlans,
            List<PromotionLine> promotions) {
    }

    /** @param retired no longer sold: bookings refer to it, so it was retired rather than deleted */
    record RoomTypeLine(RoomType roomType, boolean retired, boolean hasPhoto) {
    }

    /** @param closures the room's closures that have nights from today on, earliest first */
    record RoomLine(UUID roomId, String number, int floor, UUID roomTypeId, String roomType, boolean inService, HousekeepingStatus housekeeping,
            List<ClosureLine> closures) {
    }

    record ClosureLine(UUID closureId, LocalDate starts, LocalDate ends, String reason) {
    }

    /** @param uses bookings that redeemed it and still count; @param retired no longer redeemable, kept because bookings used it */
    record PromotionLine(Promotion promotion, int uses, boolean retired) {
    }
}
