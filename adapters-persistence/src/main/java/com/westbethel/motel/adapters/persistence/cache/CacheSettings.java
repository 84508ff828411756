package com.westbethel.motel.adapters.persistence.cache;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * The cache's settings ({@code motel.cache.*}, defaults in motel-persistence.yml).
 *
 * @param keyPrefix     what every key and channel of the cache in Redis starts with: {@code motel.cache.key-prefix}, then the
 *                      database's namespace ({@link CacheNamespace})
 * @param lifetimes     per cache, how long an entry lives in Redis and in each process ({@code motel.cache.<name>.ttl})
 * @param fallbackTtl   while Redis is unreachable, how long an entry lives in a process: other replicas' changes cannot be
 *                      announced then, so this bounds how stale a replica's answer may be
 * @param l1MaximumSize entries per cache in each process
 * @param retryInterval how often Redis is tried again while unreachable, and the subscription re-attempted
 * @param statsInterval how often each process publishes its cache counts for {@code motel-admin cache stats}
 * @param warmDays      how many nights from the motel's today are warmed
 * @param stormThreshold invalidations since the last warming that make the worker warm again
 * @param commandTimeout how long a cache command may wait for Redis before the cache marks it down
 */
public record CacheSettings(String keyPrefix, Map<MotelCache, Duration> lifetimes, Duration fallbackTtl, long l1MaximumSize,
        Duration retryInterval, Duration statsInterval, int warmDays, long stormThreshold, Duration commandTimeout) {

    /** @throws IllegalArgumentException for a lifetime or timeout under a millisecond: Redis refuses such an expiry on every store */
    public CacheSettings {
        lifetimes = Map.copyOf(lifetimes);
        lifetimes.forEach((cache, ttl) -> atLeastAMillisecond("motel.cache." + cache.cacheName() + ".ttl", ttl));
        atLeastAMillisecond("motel.cache.fallback-ttl", fallbackTtl);
        atLeastAMillisecond("motel.cache.command-timeout", commandTimeout);
    }

    private static void atLeastAMillisecond(String setting, Duration value) {
        if (value.toMillis() < 1) {
            throw new IllegalArgumentException("%s is %s; it must be at least 1ms (to keep entries briefly, give a short lifetime)".formatted(setting, value));
        }
    }

    /** The same settings under another prefix: the configured one with the database's namespace ({@link CacheNamespace}). */
    public CacheSettings withKeyPrefix(String prefix) {
        return new CacheSettings(prefix, lifetimes, fallbackTtl, l1MaximumSize, retryInterval, statsInterval, warmDays, stormThreshold, commandTimeout);
    }

    public Duration ttl(MotelCache cache) {
        return lifetimes.getOrDefault(cache, cache.defaultTtl());
    }

    public static CacheSettings from(Environment environment) {
        Binder binder = Binder.get(environment);
        Map<MotelCache, Duration> lifetimes = new EnumMap<>(MotelCache.class);
        for (MotelCache cache : MotelCache.values()) {
            lifetimes.put(cache, binder.bind("motel.cache." + cache.cacheName() + ".ttl", Duration.class).orElse(cache.defaultTtl()));
        }
        return new CacheSettings(binder.bind("motel.cache.key-prefix", String.class).orElse("motel:cache"), lifetimes,
                binder.bind("motel.cache.fallback-ttl", Duration.class).orElse(Duration.ofSeconds(30)),
                binder.bind("motel.cache.l1-maximum-size", Long.class).orElse(10_000L),
                binder.bind("motel.cache.retry-interval", Duration.class).orElse(Duration.ofSeconds(2)),
                binder.bind("motel.cache.stats-interval", Duration.class).orElse(Duration.ofSeconds(10)),
                binder.bind("motel.cache.warm-days", Integer.class).orElse(90),
                binder.bind("motel.cache.storm-threshold", Long.class).orElse(200L),
                binder.bind("motel.cache.command-timeout", Duration.class).orElse(Duration.ofMillis(100)));
    }
}
