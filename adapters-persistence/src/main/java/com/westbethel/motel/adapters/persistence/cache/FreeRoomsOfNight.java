package com.westbethel.motel.adapters.persistence.cache;

import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The rooms free on one night, by room type: the availability cache's entry. Many stays share a night, and the rooms free
 * for a stay are exactly those free on every one of its nights, so a stay's answer is computed from its nights' entries
 * without loss (counts per night could not tell a room free all week from two rooms free half of it each).
 *
 * @param rooms free room ids by room type id (plain UUIDs: the JSON form kept in Redis)
 */
public record FreeRoomsOfNight(Map<UUID, Set<UUID>> rooms) {

    public FreeRoomsOfNight {
        rooms = Map.copyOf(rooms);
    }

    static FreeRoomsOfNight of(Map<RoomTypeId, Set<RoomId>> free) {
        Map<UUID, Set<UUID>> rooms = new HashMap<>();
        free.forEach((type, ids) -> {
            Set<UUID> values = new HashSet<>();
            ids.forEach(id -> values.add(id.value()));
            rooms.put(type.value(), Set.copyOf(values));
        });
        return new FreeRoomsOfNight(rooms);
    }

    /** Per room type with a free room, how many. */
    Map<RoomTypeId, Integer> counts() {
        Map<RoomTypeId, Integer> counts = new HashMap<>();
        rooms.forEach((type, ids) -> {
            if (!ids.isEmpty()) {
                counts.put(new RoomTypeId(type), ids.size());
            }
        });
        return counts;
    }
}
