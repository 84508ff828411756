package com.westbethel.motel.adapters.persistence.cache;

import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomType;
import java.util.Collection;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.cache.CacheManager;
import tools.jackson.databind.JavaType;

/**
 * Every {@link MotelCache}, created at start, so that Boot binds each one's metrics ({@code cache_gets_total} and the
 * rest, tagged with the cache's name) when it starts.
 */
public class TwoLevelCacheManager implements CacheManager {

    private final Map<MotelCache, TwoLevelCache> caches = new EnumMap<>(MotelCache.class);
    private final CacheSettings settings;

    public TwoLevelCacheManager(CacheSettings settings, SharedCacheStore shared) {
        this.settings = settings;
        for (MotelCache cache : MotelCache.values()) {
            caches.put(cache, new TwoLevelCache(cache, valueType(cache), settings, shared, System::nanoTime));
        }
    }

    /** What each cache holds, as JSON in Redis. */
    private static JavaType valueType(MotelCache cache) {
        return switch (cache) {
            case AVAILABILITY -> TwoLevelCache.type(FreeRoomsOfNight.class);
            case ROOM_TYPES -> TwoLevelCache.type(List.class, RoomType.class);
            case RATE_PLANS -> TwoLevelCache.type(List.class, RatePlan.class);
            case PROMOTIONS -> TwoLevelCache.type(Optional.class, Promotion.class);
            case PROPERTIES -> TwoLevelCache.type(Optional.class, Property.class);
        };
    }

    CacheSettings settings() {
        return settings;
    }

    public TwoLevelCache cache(MotelCache cache) {
        return caches.get(cache);
    }

    public Collection<TwoLevelCache> all() {
        return caches.values();
    }

    @Override
    public TwoLevelCache getCache(String name) {
        return MotelCache.named(name).map(caches::get).orElse(null);
    }

    @Override
    public Collection<String> getCacheNames() {
        return caches.keySet().stream().map(MotelCache::cacheName).toList();
    }
}
