package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomType;
import java.util.Map;

/** Inventory as the audit log records it before and after a change: each item's fields as text. */
final class InventorySnapshots {

    private InventorySnapshots() {
    }

    static Map<String, String> snapshot(RoomType type) {
        return Map.of("name", type.name(), "maxOccupancy", String.valueOf(type.maxOccupancy()), "baseRate", type.baseRate().toString(),
                "description", type.description(), "amenities", String.join(", ", type.amenities()));
    }

    static Map<String, String> snapshot(RatePlan plan) {
        return Map.of("roomType", plan.roomType().toString(), "name", plan.name(), "validFrom", plan.validFrom().toString(),
                "validUntil", plan.validUntil().toString(), "weekdayRate", plan.weekdayRate().toString(),
                "weekendRate", plan.weekendRate().toString(), "minimumStay", String.valueOf(plan.minimumStay()));
    }

    static Map<String, String> snapshot(Promotion promotion) {
        return Map.of("code", promotion.code(), "kind", promotion.kind().name(), "value", promotion.value().toPlainString(),
                "validFrom", promotion.validFrom().toString(), "validUntil", promotion.validUntil().toString(),
                "usageLimit", promotion.usageLimit().map(String::valueOf).orElse(""), "perGuestLimit", String.valueOf(promotion.perGuestLimit()),
                "minimumNights", String.valueOf(promotion.minimumNights()));
    }
}
