package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.InventorySnapshots.snapshot;
import static com.westbethel.motel.application.booking.service.ManageInventoryService.guarded;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.ChangeInventoryUseCase;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.InventoryAdmin;
import com.westbethel.motel.application.booking.port.out.InventoryAdmin.RoomFacts;
import com.westbethel.motel.application.booking.port.out.InventoryEdits;
import com.westbethel.motel.application.booking.port.out.InventoryEdits.Closure;
import com.westbethel.motel.application.booking.port.out.InventoryEdits.PromotionFacts;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Changes and removals of the inventory. "From today on" is the motel's own date: a booking checking out today no longer
 * holds a night, one checking in today does. What bookings refer to is retired, never deleted, so that their history reads
 * as it did; what nothing refers to is deleted.
 */
public record ChangeInventoryService(Inventory inventory, InventoryAdmin admin, InventoryEdits edits, AuditLog audit, Clock clock)
        implements ChangeInventoryUseCase {

    static final int MAX_ROOM_NUMBER = 16;
    static final int LOWEST_FLOOR = -5;
    static final int HIGHEST_FLOOR = 200;

    @Override
    public Outcome<UUID> updateRoom(Actor staff, UUID roomId, UUID roomTypeId, String number, int floor) {
        // The bounds the API's request checks, here too for the console's form, which reaches this use case directly.
        if (number.isBlank() || number.strip().length() > MAX_ROOM_NUMBER) {
            return Outcome.invalid("number", "A room number is 1 to " + MAX_ROOM_NUMBER + " characters.");
        }
        if (floor < LOWEST_FLOOR || floor > HIGHEST_FLOOR) {
            return Outcome.invalid("floor", "A floor is from " + LOWEST_FLOOR + " to " + HIGHEST_FLOOR + ".");
        }
        Optional<RoomFacts> room = admin.room(new RoomId(roomId));
        if (room.isEmpty()) {
            return Outcome.refused(Refusal.notFound("There is no room " + roomId + "."));
        }
        RoomFacts before = room.get();
        Optional<RoomType> type = inventory.roomType(new RoomTypeId(roomTypeId)).filter(found -> found.property().equals(before.property()));
        if (type.isEmpty()) {
            return Outcome.refused(new Refusal(Refusal.Kind.NOT_FOUND, "roomTypeId", "There is no room type " + roomTypeId + "."));
        }
        if (edits.roomNumberTaken(before.property(), number.strip(), before.id())) {
            return Outcome.invalid("number", "There is already a room " + number.strip() + ".");
        }
        if (!type.get().id().equals(before.roomType())) {
            List<String> ahead = admin.bookingsHoldingRoom(before.id(), today(before.property()), LocalDate.MAX);
            if (!ahead.isEmpty()) {
                return Outcome.refused(Refusal.bookingsAhead("Moving room " + before.number() + " to another room type", ahead));
            }
        }
        edits.updateRoom(before.id(), type.get().id(), number.strip(), floor);
        record(staff, "ROOM_CHANGED", "room", roomId, roomSnapshot(before), Map.of("number", number.strip(), "floor", String.valueOf(floor),
                "roomType", type.get().id().toString()));
        return Outcome.success(roomId);
    }

    @Override
    public Outcome<Removal> removeRoom(Actor staff, UUID roomId) {
        Optional<RoomFacts> room = admin.room(new RoomId(roomId));
        if (room.isEmpty()) {
            return Outcome.refused(Refusal.notFound("There is no room " + roomId + "."));
        }
        LocalDate today = today(room.get().property());
        List<String> ahead = admin.bookingsHoldingRoom(room.get().id(), today, LocalDate.MAX);
        if (!ahead.isEmpty()) {
            return Outcome.refused(Refusal.bookingsAhead("Removing room " + room.get().number(), ahead));
        }
        if (edits.roomEverBooked(room.get().id())) {
            if (room.get().inService()) {
                admin.setRoomInService(room.get().id(), false, today);
            }
            record(staff, "ROOM_RETIRED", "room", roomId, roomSnapshot(room.get()), Map.of("inService", "false"));
            return Outcome.success(Removal.RETIRED);
        }
        edits.removeRoom(room.get().id());
        record(staff, "ROOM_REMOVED", "room", roomId, roomSnapshot(room.get()), Map.of());
        return Outcome.success(Removal.DELETED);
    }

    @Override
    public Outcome<Removal> removeRoomType(Actor staff, UUID roomTypeId) {
        Optional<RoomType> type = inventory.roomType(new RoomTypeId(roomTypeId));
        if (type.isEmpty()) {
            return Outcome.refused(Refusal.notFound("There is no room type " + roomTypeId + "."));
        }
        List<String> ahead = edits.bookingsOfRoomTypeFrom(type.get().id(), today(type.get().property()));
        if (!ahead.isEmpty()) {
            return Outcome.refused(Refusal.bookingsAhead("Retiring " + type.get().name(), ahead));
        }
        List<String> rooms = edits.roomNumbers(type.get().id());
        if (!rooms.isEmpty()) {
            return Outcome.refused(Refusal.conflict("%s still has room%s %s: give %s another room type or remove %s first."
                    .formatted(type.get().name(), rooms.size() == 1 ? "" : "s", String.join(", ", rooms), rooms.size() == 1 ? "it" : "them",
                            rooms.size() == 1 ? "it" : "them")));
        }
        if (edits.roomTypeEverBooked(type.get().id())) {
            edits.retireRoomType(type.get().id(), clock.instant());
            record(staff, "ROOM_TYPE_RETIRED", "room-type", roomTypeId, snapshot(type.get()), Map.of("retired", "true"));
            return Outcome.success(Removal.RETIRED);
        }
        edits.removeRoomType(type.get().id());
        record(staff, "ROOM_TYPE_REMOVED", "room-type", roomTypeId, snapshot(type.get()), Map.of());
        return Outcome.success(Removal.DELETED);
    }

    @Override
    public Outcome<UUID> reopenRoom(Actor staff, UUID roomId, UUID closureId) {
        Optional<Closure> closure = edits.closure(closureId).filter(found -> found.room().value().equals(roomId));
        if (closure.isEmpty()) {
            return Outcome.refused(Refusal.notFound("Room " + roomId + " has no closure " + closureId + "."));
        }
        edits.removeClosure(closure.get());
        record(staff, "ROOM_CLOSURE_REMOVED", "room", roomId, Map.of("closure", closureId.toString(), "starts", closure.get().starts().toString(),
                "ends", closure.get().ends().toString(), "reason", closure.get().reason()), Map.of());
        return Outcome.success(closureId);
    }

    @Override
    public Outcome<RatePlan> updateRatePlan(Actor staff, UUID ratePlanId, UUID roomTypeId, String name, LocalDate validFrom, LocalDate validUntil,
            BigDecimal weekdayRate, BigDecimal weekendRate, int minimumStay) {
        Optional<RatePlan> before = admin.ratePlan(ratePlanId);
        if (before.isEmpty()) {
            return Outcome.refused(Refusal.notFound("There is no rate plan " + ratePlanId + "."));
        }
        Optional<RoomType> type = inventory.roomType(new RoomTypeId(roomTypeId));
        if (type.isEmpty()) {
            return Outcome.refused(new Refusal(Refusal.Kind.NOT_FOUND, "roomTypeId", "There is no room type " + roomTypeId + "."));
        }
        if (!validUntil.isAfter(validFrom)) {
            return Outcome.invalid("validUntil", "A rate plan ends after it starts.");
        }
        return guarded(() -> {
            var currency = type.get().baseRate().currency();
            RatePlan after = new RatePlan(ratePlanId, type.get().id(), name.strip(), validFrom, validUntil, new Money(weekdayRate, currency),
                    new Money(weekendRate, currency), minimumStay);
            edits.updateRatePlan(after);
            record(staff, "RATE_PLAN_CHANGED", "rate-plan", ratePlanId, snapshot(before.get()), snapshot(after));
            return after;
        }, "weekdayRate");
    }

    @Override
    public Outcome<Promotion> updatePromotion(Actor staff, UUID promotionId, String code, Promotion.Kind kind, BigDecimal value,
            LocalDate validFrom, LocalDate validUntil, Optional<Integer> usageLimit, int perGuestLimit, int minimumNights) {
        Optional<PromotionFacts> before = edits.promotion(promotionId);
        if (before.isEmpty()) {
            return Outcome.refused(Refusal.notFound("There is no promotion " + promotionId + "."));
        }
        String previous = before.get().promotion().code();
        String normalised = Promotion.normalise(code);
        if (before.get().used() && !normalised.equals(previous)) {
            // Bookings keep the code they were made with, and give their use back by it when they are cancelled: renamed,
            // the code would lose those uses, and a new code taking the old name would gain them.
            return Outcome.invalid("code", "Guests have booked with " + previous + ", so it keeps its code: retire it and add the new code instead.");
        }
        if (edits.promotionCodeTaken(normalised, promotionId)) {
            return Outcome.invalid("code", "The code " + normalised + " exists already.");
        }
        return guarded(() -> {
            Promotion after = new Promotion(promotionId, code, kind, value, validFrom, validUntil, usageLimit, perGuestLimit, minimumNights);
            edits.updatePromotion(after, before.get().promotion().code());
            record(staff, "PROMOTION_CHANGED", "promotion", promotionId, snapshot(before.get().promotion()), snapshot(after));
            return after;
        }, "value");
    }

    @Override
    public Outcome<Removal> removePromotion(Actor staff, UUID promotionId) {
        Optional<PromotionFacts> promotion = edits.promotion(promotionId);
        if (promotion.isEmpty()) {
            return Outcome.refused(Refusal.notFound("There is no promotion " + promotionId + "."));
        }
        if (promotion.get().used()) {
            if (!promotion.get().retired()) {
                edits.retirePromotion(promotion.get().promotion(), clock.instant());
            }
            record(staff, "PROMOTION_RETIRED", "promotion", promotionId, snapshot(promotion.get().promotion()), Map.of("retired", "true"));
            return Outcome.success(Removal.RETIRED);
        }
        edits.removePromotion(promotion.get().promotion());
        record(staff, "PROMOTION_REMOVED", "promotion", promotionId, snapshot(promotion.get().promotion()), Map.of());
        return Outcome.success(Removal.DELETED);
    }

    private LocalDate today(PropertyId property) {
        return inventory.property(property).map(found -> found.today(clock)).orElseGet(() -> LocalDate.now(clock));
    }

    private static Map<String, String> roomSnapshot(RoomFacts room) {
        return Map.of("number", room.number(), "floor", String.valueOf(room.floor()), "roomType", room.roomType().toString(),
                "inService", String.valueOf(room.inService()));
    }

    private void record(Actor staff, String action, String type, UUID id, Map<String, String> before, Map<String, String> after) {
        audit.append(new AuditEntry(clock.instant(), staff.auditName(), action, type, id.toString(), before, after));
    }
}
