package com.westbethel.motel.adapters.persistence.cache;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * The named caches, each with the lifetime it has unless {@code motel.cache.<name>.ttl} says otherwise. The property's own
 * settings (time zone, currency, check-in time, cancellation policy) are the motel's configuration, hence its hour.
 */
public enum MotelCache {

    /** Per property and night, the rooms free that night by room type. */
    AVAILABILITY("availability", Duration.ofMinutes(5)),
    /** Per property, its room types; per room type id, that type. */
    ROOM_TYPES("room-types", Duration.ofHours(24)),
    /** Per property, every rate plan of its room types. */
    RATE_PLANS("rate-plans", Duration.ofHours(1)),
    /** Per code, the promotion (or its absence). */
    PROMOTIONS("promotions", Duration.ofHours(1)),
    /** Per id, and the default one, the property. */
    PROPERTIES("properties", Duration.ofHours(1));

    private final String cacheName;
    private final Duration defaultTtl;

    MotelCache(String cacheName, Duration defaultTtl) {
        this.cacheName = cacheName;
        this.defaultTtl = defaultTtl;
    }

    public String cacheName() {
        return cacheName;
    }

    public Duration defaultTtl() {
        return defaultTtl;
    }

    public static Optional<MotelCache> named(String name) {
        return Arrays.stream(values()).filter(cache -> cache.cacheName.equals(name)).findFirst();
    }
}
