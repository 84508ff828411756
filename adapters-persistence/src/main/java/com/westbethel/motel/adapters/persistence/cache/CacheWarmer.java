package com.westbethel.motel.adapters.persistence.cache;

import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.stay.Stay;
import java.time.Clock;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fills the cache with what nearly every request reads: the default property, its room types and rate plans, and the free
 * rooms of each night from the motel's today on. Read through {@link CachingInventory}, so what Redis already holds fills
 * this process's L1 and what it lacks is loaded once (a whole range in one statement) and stored in both.
 */
public class CacheWarmer {

    private static final Logger log = LoggerFactory.getLogger(CacheWarmer.class);

    private final CachingInventory inventory;
    private final CacheInvalidation invalidation;
    private final int days;
    private final long stormThreshold;
    private final Clock clock;
    private volatile long invalidationsAtLastWarming;
    private volatile long clearsAtLastWarming;

    public CacheWarmer(CachingInventory inventory, CacheInvalidation invalidation, CacheSettings settings, Clock clock) {
        this.inventory = inventory;
        this.invalidation = invalidation;
        this.days = settings.warmDays();
        this.stormThreshold = settings.stormThreshold();
        this.clock = clock;
    }

    /** @return the nights warmed (none when there is no property yet, or warming failed: the cache fills as it is read) */
    public int warm() {
        invalidationsAtLastWarming = invalidation.invalidations();
        clearsAtLastWarming = invalidation.clears();
        try {
            Optional<Property> found = inventory.defaultProperty();
            if (found.isEmpty() || days <= 0) {
                return 0;
            }
            Property property = found.get();
            Stay nights = Stay.of(property.today(clock), days);
            inventory.roomTypes(property.id());
            inventory.ratePlans(property.id(), nights);
            inventory.freeRoomsPerNight(property.id(), nights);
            return days;
        } catch (RuntimeException e) {
            log.warn("Cache not warmed ({}); it fills as requests read it", e.getMessage());
            return 0;
        }
    }

    /**
     * Warms again when a storm emptied the cache since the last warming: a whole cache dropped (an admin's eviction, a room
     * change, Redis back after an outage) or at least the storm threshold of invalidations.
     */
    public int warmAfterStorm() {
        long invalidations = invalidation.invalidations() - invalidationsAtLastWarming;
        if (invalidation.clears() == clearsAtLastWarming && invalidations < stormThreshold) {
            return 0;
        }
        log.info("{} cache invalidations since the last warming: warming again", invalidations);
        return warm();
    }
}
