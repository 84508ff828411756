package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.InventorySnapshots.snapshot;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.ManageInventoryUseCase;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.InventoryAdmin;
import com.westbethel.motel.application.booking.port.out.InventoryAdmin.RoomFacts;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.inventory.Property;
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
import java.util.function.Supplier;

/** The inventory admins maintain; each rule broken is a refusal naming its field, each change an audit entry. */
public record ManageInventoryService(Inventory inventory, InventoryAdmin admin, AuditLog audit, Clock clock) implements ManageInventoryUseCase {

    @Override
    public Outcome<RoomType> addRoomType(Actor actor, String name, String description, int maxOccupancy, BigDecimal baseRate, List<String> amenities) {
        Optional<Property> property = inventory.defaultProperty();
        if (property.isEmpty()) {
            return Outcome.refused(Refusal.notFound("The motel is not set up yet."));
        }
        if (admin.roomTypeNameTaken(property.get().id(), name.strip(), Optional.empty())) {
            return Outcome.invalid("name", "There is already a room type called " + name.strip() + ".");
        }
        return guarded(() -> {
            RoomType type = new RoomType(RoomTypeId.random(), property.get().id(), name.strip(), description, maxOccupancy,
                    new Money(baseRate, property.get().currency()), amenities);
            admin.addRoomType(type);
            record(actor, "ROOM_TYPE_ADDED", "room-type", type.id().toString(), Map.of(), snapshot(type));
            return type;
        }, "baseRate");
    }

    @Override
    public Outcome<RoomType> updateRoomType(Actor actor, UUID roomTypeId, String name, String description, int maxOccupancy, BigDecimal baseRate,
            List<String> amenities) {
        Optional<RoomType> current = inventory.roomType(new RoomTypeId(roomTypeId));
        if (current.isEmpty()) {
            return Outcome.refused(Refusal.notFound("There is no room type " + roomTypeId + "."));
        }
        RoomType before = current.get();
        if (admin.roomTypeNameTaken(before.property(), name.strip(), Optional.of(before.id()))) {
            return Outcome.invalid("name", "There is already a room type called " + name.strip() + ".");
        }
        return guarded(() -> {
            RoomType after = new RoomType(before.id(), before.property(), name.strip(), description, maxOccupancy,
                    new Money(baseRate, before.baseRate().currency()), amenities);
            admin.updateRoomType(after);
            record(actor, "ROOM_TYPE_CHANGED", "room-type", after.id().toString(), snapshot(before), snapshot(after));
            return after;
        }, "baseRate");
    }

    @Override
    public Outcome<UUID> addRoom(Actor actor, UUID roomTypeId, String number, int floor) {
        Optional<RoomType> type = inventory.roomType(new RoomTypeId(roomTypeId));
        if (type.isEmpty()) {
            return Outcome.refused(new Refusal(Refusal.Kind.NOT_FOUND, "roomTypeId", "There is no room type " + roomTypeId + "."));
        }
        if (admin.roomNumberTaken(type.get().property(), number.strip())) {
            return Outcome.invalid("number", "There is already a room " + number.strip() + ".");
        }
        RoomId room = RoomId.random();
        admin.addRoom(room, type.get().property(), type.get().id(), number.strip(), floor);
        record(actor, "ROOM_ADDED", "room", room.toString(), Map.of(), Map.of("number", number.strip(), "floor", String.valueOf(floor),
                "roomType", type.get().id().toString(), "inService", "true"));
        return Outcome.success(room.value());
    }

    @Override
    public Outcome<UUID> setRoomInService(Actor actor, UUID roomId, boolean inService) {
        Optional<RoomFacts> room = admin.room(new RoomId(roomId));
        if (room.isEmpty()) {
            return Outcome.refused(Refusal.notFound("There is no room " + roomId + "."));
        }
        LocalDate today = inventory.property(room.get().property()).map(property -> property.today(clock)).orElseGet(() -> LocalDate.now(clock));
        if (!inService) {
            List<String> ahead = admin.bookingsHoldingRoom(room.get().id(), today, LocalDate.MAX);
            if (!ahead.isEmpty()) {
                return Outcome.refused(Refusal.bookingsAhead("Taking room " + room.get().number() + " out of service", ahead));
            }
        }
        admin.setRoomInService(room.get().id(), inService, today);
        record(actor, inService ? "ROOM_IN_SERVICE" : "ROOM_OUT_OF_SERVICE", "room", roomId.toString(),
                Map.of("inService", String.valueOf(room.get().inService())), Map.of("inService", String.valueOf(inService)));
        return Outcome.success(roomId);
    }

    @Override
    public Outcome<UUID> closeRoom(Actor actor, UUID roomId, LocalDate starts, LocalDate ends, String reason) {
        Optional<RoomFacts> room = admin.room(new RoomId(roomId));
        if (room.isEmpty()) {
            return Outcome.refused(Refusal.notFound("There is no room " + roomId + "."));
        }
        if (!ends.isAfter(starts)) {
            return Outcome.invalid("ends", "A closure ends after it starts.");
        }
        List<String> holding = admin.bookingsHoldingRoom(room.get().id(), starts, ends);
        if (!holding.isEmpty()) {
            return Outcome.refused(Refusal.bookingsAhead("Closing room " + room.get().number() + " for these nights", holding));
        }
        UUID closure = UUID.randomUUID();
        admin.addClosure(closure, room.get().id(), starts, ends, reason == null ? "" : reason);
        record(actor, "ROOM_CLOSED", "room", roomId.toString(), Map.of(), Map.of("starts", starts.toString(), "ends", ends.toString(),
                "reason", reason == null ? "" : reason));
        return Outcome.success(closure);
    }

    @Override
    public Outcome<RatePlan> addRatePlan(Actor actor, UUID roomTypeId, String name, LocalDate validFrom, LocalDate validUntil,
            BigDecimal weekdayRate, BigDecimal weekendRate, int minimumStay) {
        Optional<RoomType> type = inventory.roomType(new RoomTypeId(roomTypeId));
        if (type.isEmpty()) {
            return Outcome.refused(new Refusal(Refusal.Kind.NOT_FOUND, "roomTypeId", "There is no room type " + roomTypeId + "."));
        }
        if (!validUntil.isAfter(validFrom)) {
            return Outcome.invalid("validUntil", "A rate plan ends after it starts.");
        }
        return guarded(() -> {
            var currency = type.get().baseRate().currency();
            RatePlan plan = new RatePlan(UUID.randomUUID(), type.get().id(), name.strip(), validFrom, validUntil, new Money(weekdayRate, currency),
                    new Money(weekendRate, currency), minimumStay);
            admin.addRatePlan(plan);
            record(actor, "RATE_PLAN_ADDED", "rate-plan", plan.id().toString(), Map.of(), snapshot(plan));
            return plan;
        }, "weekdayRate");
    }

    @Override
    public Outcome<UUID> removeRatePlan(Actor actor, UUID ratePlanId) {
        Optional<RatePlan> plan = admin.ratePlan(ratePlanId);
        if (plan.isEmpty()) {
            return Outcome.refused(Refusal.notFound("There is no rate plan " + ratePlanId + "."));
        }
        admin.removeRatePlan(ratePlanId);
        record(actor, "RATE_PLAN_REMOVED", "rate-plan", ratePlanId.toString(), snapshot(plan.get()), Map.of());
        return Outcome.success(ratePlanId);
    }

    @Override
    public Outcome<Promotion> addPromotion(Actor actor, String code, Promotion.Kind kind, BigDecimal value, LocalDate validFrom,
            LocalDate validUntil, Optional<Integer> usageLimit, int perGuestLimit, int minimumNights) {
        if (admin.promotionCodeTaken(Promotion.normalise(code))) {
            return Outcome.invalid("code", "The code " + Promotion.normalise(code) + " exists already.");
        }
        return guarded(() -> {
            Promotion promotion = new Promotion(UUID.randomUUID(), code, kind, value, validFrom, validUntil, usageLimit, perGuestLimit, minimumNights);
            admin.addPromotion(promotion);
            record(actor, "PROMOTION_ADDED", "promotion", promotion.id().toString(), Map.of(), Map.of("code", promotion.code(),
                    "kind", kind.name(), "value", value.toPlainString(), "validFrom", validFrom.toString(), "validUntil", validUntil.toString()));
            return promotion;
        }, "value");
    }

    /** A domain rule broken by the values (a rate of zero, a percentage over 100) is the caller's mistake: a 400 naming the field. */
    static <T> Outcome<T> guarded(Supplier<T> change, String field) {
        try {
            return Outcome.success(change.get());
        } catch (IllegalArgumentException broken) {
            return Outcome.invalid(field, broken.getMessage());
        }
    }

    private void record(Actor actor, String action, String type, String id, Map<String, String> before, Map<String, String> after) {
        audit.append(new AuditEntry(clock.instant(), actor.auditName(), action, type, id, before, after));
    }
}
