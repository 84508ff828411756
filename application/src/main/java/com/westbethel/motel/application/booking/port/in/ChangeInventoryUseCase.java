package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.inventory.RatePlan;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;

/**
 * Staff change or remove what the motel sells: rooms, room types, rate plans, promotions, closures. What bookings refer
 * to is retired rather than deleted, and a change that would leave a booking from today on without its room is refused
 * with those bookings named (a {@link Refusal.Kind#BOOKINGS_AHEAD}). Every change is audited.
 */
public interface ChangeInventoryUseCase {

    /** What became of a removed item: gone, or kept for the bookings that refer to it but no longer sold. */
    enum Removal { DELETED, RETIRED }

    /** Moving a room to another type is refused while bookings of its present type hold it from today on. */
    Outcome<UUID> updateRoom(Actor staff, UUID roomId, UUID roomTypeId, String number, int floor);

    /** A room never booked is deleted; one with bookings in its past is retired: taken out of service for good. */
    Outcome<Removal> removeRoom(Actor staff, UUID roomId);

    /**
     * A room type nothing refers to is deleted with its rate plans and photo; one with bookings in its past is retired: no
     * longer offered. Refused while it still has rooms (move them first) or bookings from today on.
     */
    Outcome<Removal> removeRoomType(Actor staff, UUID roomTypeId);

    Outcome<UUID> reopenRoom(Actor staff, UUID roomId, UUID closureId);

    Outcome<RatePlan> updateRatePlan(Actor staff, UUID ratePlanId, UUID roomTypeId, String name, LocalDate validFrom, LocalDate validUntil,
            BigDecimal weekdayRate, BigDecimal weekendRate, int minimumStay);

    Outcome<Promotion> updatePromotion(Actor staff, UUID promotionId, String code, Promotion.Kind kind, BigDecimal value, LocalDate validFrom,
            LocalDate validUntil, Optional<Integer> usageLimit, int perGuestLimit, int minimumNights);

    /** A code no booking used is deleted; one bookings used is retired: no longer redeemable, kept for their history. */
    Outcome<Removal> removePromotion(Actor staff, UUID promotionId);
}
