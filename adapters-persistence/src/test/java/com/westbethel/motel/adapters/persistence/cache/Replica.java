package com.westbethel.motel.adapters.persistence.cache;

import com.westbethel.motel.adapters.persistence.booking.JdbcBookings;
import com.westbethel.motel.adapters.persistence.booking.JdbcInventory;
import io.lettuce.core.RedisClient;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.jdbc.core.simple.JdbcClient;

/** One process's cache, as a deployable wires it (CacheConfiguration), over a given Redis and PostgreSQL. */
final class Replica implements AutoCloseable {

    final String name = "replica-" + UUID.randomUUID().toString().substring(0, 8);
    final SharedCacheStore shared;
    final TwoLevelCacheManager caches;
    final CacheInvalidation invalidation;
    final JdbcInventory jdbcInventory;
    final JdbcBookings bookings;
    final CachingInventory inventory;
    private CacheCoordinator coordinator;
    private final CacheTestRedis redis;

    Replica(CacheTestRedis redis, JdbcClient jdbc) {
        this(redis, jdbc, invalidation -> new JdbcInventory(jdbc, invalidation));
    }

    /** @param inventoryOf the JDBC inventory, told of changes by the given invalidation */
    Replica(CacheTestRedis redis, JdbcClient jdbc, Function<CacheInvalidation, JdbcInventory> inventoryOf) {
        this.redis = redis;
        CacheSettings settings = redis.settings();
        shared = new SharedCacheStore(redis.redis, settings.keyPrefix());
        caches = new TwoLevelCacheManager(settings, shared);
        invalidation = new CacheInvalidation(caches, shared, name);
        jdbcInventory = inventoryOf.apply(invalidation);
        bookings = new JdbcBookings(jdbc, invalidation);
        inventory = new CachingInventory(jdbcInventory, caches);
        // As CacheConfiguration does, but at once rather than on a thread of its own, so that tests know when it is done.
        invalidation.reloadNightsWith(inventory::reloadNights, Runnable::run);
    }

    /** Listens to the other replicas' invalidations, as a running process does. */
    Replica listening() {
        coordinator = new CacheCoordinator(() -> (RedisClient) redis.factory.getNativeClient(), shared, invalidation, caches, redis.settings(), name);
        coordinator.start();
        return this;
    }

    TwoLevelCache availability() {
        return caches.cache(MotelCache.AVAILABILITY);
    }

    @Override
    public void close() {
        if (coordinator != null) {
            coordinator.close();
        }
    }
}
