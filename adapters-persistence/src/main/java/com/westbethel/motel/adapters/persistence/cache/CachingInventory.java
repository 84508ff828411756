package com.westbethel.motel.adapters.persistence.cache;

import com.westbethel.motel.adapters.persistence.booking.JdbcInventory;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.Promotions;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.stay.Stay;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The inventory's reads through the two-level cache, answering exactly as {@link JdbcInventory} does (checked against it
 * by {@code CachingInventoryIT}); writes, and reads nothing shares (room numbers, promotion uses), go straight to it.
 * Invalidation is not done here but by {@link CacheInvalidation}, which the JDBC writers tell of every change.
 *
 * <ul>
 *   <li>Availability is kept per property and night, as the rooms free that night ({@link FreeRoomsOfNight}): a stay's
 *   free rooms per type are those free on all its nights, and a calendar's counts are each night's.</li>
 *   <li>Rate plans are kept whole per property and filtered to the stay here, with the statement's own overlap rule.</li>
 * </ul>
 */
public class CachingInventory implements Inventory, Promotions {

    private static final String DEFAULT_PROPERTY = "default";

    private final JdbcInventory inventory;
    private final TwoLevelCacheManager caches;

    public CachingInventory(JdbcInventory inventory, TwoLevelCacheManager caches) {
        this.inventory = inventory;
        this.caches = caches;
    }

    static String nightKey(PropertyId property, LocalDate night) {
        return property.value() + ":" + night;
    }

    @Override
    public Optional<Property> defaultProperty() {
        return caches.cache(MotelCache.PROPERTIES).getOrLoad(DEFAULT_PROPERTY, inventory::defaultProperty);
    }

    @Override
    public Optional<Property> property(PropertyId id) {
        return caches.cache(MotelCache.PROPERTIES).getOrLoad(id.value().toString(), () -> inventory.property(id));
    }

    @Override
    public List<RoomType> roomTypes(PropertyId property) {
        return caches.cache(MotelCache.ROOM_TYPES).getOrLoad(property.value().toString(), () -> inventory.roomTypes(property));
    }

    @Override
    public Optional<RoomType> roomType(RoomTypeId id) {
        List<RoomType> found = caches.cache(MotelCache.ROOM_TYPES).getOrLoad("type:" + id.value(), () -> inventory.roomType(id).stream().toList());
        return found.stream().findFirst();
    }

    @Override
    public List<RatePlan> ratePlans(PropertyId property, Stay stay) {
        List<RatePlan> all = caches.cache(MotelCache.RATE_PLANS).getOrLoad(property.value().toString(), () -> inventory.allRatePlans(property));
        // The statement's rule: valid_from < check-out and valid_until > check-in.
        return all.stream().filter(plan -> plan.validFrom().isBefore(stay.checkOut()) && plan.validUntil().isAfter(stay.checkIn())).toList();
    }

    @Override
    public Map<RoomTypeId, Integer> freeRooms(PropertyId property, Stay stay) {
        Map<UUID, Set<UUID>> freeAllStay = new HashMap<>();
        boolean first = true;
        for (FreeRoomsOfNight night : nights(property, stay).values()) {
            if (first) {
                night.rooms().forEach((type, rooms) -> freeAllStay.put(type, new HashSet<>(rooms)));
                first = false;
            } else {
                freeAllStay.forEach((type, rooms) -> rooms.retainAll(night.rooms().getOrDefault(type, Set.of())));
            }
        }
        return new FreeRoomsOfNight(freeAllStay).counts();
    }

    @Override
    public Map<LocalDate, Map<RoomTypeId, Integer>> freeRoomsPerNight(PropertyId property, Stay nights) {
        Map<LocalDate, Map<RoomTypeId, Integer>> free = new HashMap<>();
        nights(property, nights).forEach((night, rooms) -> {
            Map<RoomTypeId, Integer> counts = rooms.counts();
            if (!counts.isEmpty()) {
                free.put(night, counts);
            }
        });
        return free;
    }

    /** Each night's free rooms, from the cache, the nights it lacks read from PostgreSQL in one statement. */
    private Map<LocalDate, FreeRoomsOfNight> nights(PropertyId property, Stay stay) {
        List<LocalDate> dates = stay.nightsDates().toList();
        List<String> keys = dates.stream().map(night -> nightKey(property, night)).toList();
        Map<String, FreeRoomsOfNight> cached = caches.cache(MotelCache.AVAILABILITY).getAll(keys, missing -> {
            List<LocalDate> missingNights = missing.stream().map(key -> LocalDate.parse(key.substring(key.indexOf(':') + 1))).sorted().toList();
            Stay range = new Stay(missingNights.get(0), missingNights.get(missingNights.size() - 1).plusDays(1));
            Map<String, FreeRoomsOfNight> loaded = new HashMap<>();
            inventory.freeRoomIdsPerNight(property, range).forEach((night, rooms) -> {
                String key = nightKey(property, night);
                if (missing.contains(key)) {
                    loaded.put(key, FreeRoomsOfNight.of(rooms));
                }
            });
            return loaded;
        });
        Map<LocalDate, FreeRoomsOfNight> byNight = new HashMap<>();
        for (int i = 0; i < dates.size(); i++) {
            byNight.put(dates.get(i), cached.get(keys.get(i)));
        }
        return byNight;
    }

    /** Loads the nights into the cache again (after a change dropped them), unless some are there already. */
    void reloadNights(PropertyId property, Stay nights) {
        nights(property, nights);
    }

    @Override
    public String roomNumber(RoomId room) {
        return inventory.roomNumber(room);
    }

    @Override
    public Optional<Promotion> byCode(String code) {
        String key = Promotion.normalise(code);
        return caches.cache(MotelCache.PROMOTIONS).getOrLoad(key, () -> inventory.byCode(code));
    }

    @Override
    public Redemption redeem(Promotion promotion, PromotionGuest guest, Optional<PromotionGuest> alsoKnownAs) {
        return inventory.redeem(promotion, guest, alsoKnownAs);
    }

    @Override
    public void release(Promotion promotion, PromotionGuest guest) {
        inventory.release(promotion, guest);
    }
}
