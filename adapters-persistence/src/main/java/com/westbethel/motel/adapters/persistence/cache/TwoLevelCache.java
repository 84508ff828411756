package com.westbethel.motel.adapters.persistence.cache;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.springframework.cache.Cache;
import org.springframework.cache.support.SimpleValueWrapper;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * One named cache on two levels: this process's Caffeine (L1) in front of Redis shared by every replica (L2), in front of
 * PostgreSQL. A read tries L1, then L2 (and keeps what it found in L1), then loads, and stores the answer in both.
 *
 * <p>An answer read before a commit must not be stored after that commit's invalidation. Each level has a generation that
 * every invalidation raises: this process's counter for L1, a counter in Redis for L2 ({@link SharedCacheStore}). A load
 * notes both before it starts; L2 takes the answer only if its generation is unchanged (atomically, in Redis), L1 only if
 * L2 took it and the local generation is unchanged, checked after the put so that an invalidation racing the put still
 * removes it.
 *
 * <p>While Redis is unreachable L1 serves alone, and no entry older than the fallback lifetime is used: invalidations from
 * other replicas cannot arrive then. Reads in a transaction that has changed what this cache holds go to PostgreSQL
 * directly, so that nothing uncommitted is ever cached ({@link CacheInvalidation}).
 */
public class TwoLevelCache implements Cache {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final MotelCache cache;
    private final JavaType valueType;
    private final Duration ttl;
    private final Duration fallbackTtl;
    private final SharedCacheStore shared;
    private final LongSupplier nanoTime;
    private final com.github.benmanes.caffeine.cache.Cache<String, Held> local;
    private final AtomicLong localGeneration = new AtomicLong();
    private final LongAdder localHits = new LongAdder();
    private final LongAdder sharedHits = new LongAdder();
    private final LongAdder misses = new LongAdder();
    private final LongAdder puts = new LongAdder();
    private final LongAdder evictions = new LongAdder();
    private volatile CacheInvalidation invalidation;

    /** A value in L1, with when it was stored and how long it may live. */
    private record Held(Object value, long storedAt, long lifetimeNanos) {
    }

    public TwoLevelCache(MotelCache cache, JavaType valueType, CacheSettings settings, SharedCacheStore shared, LongSupplier nanoTime) {
        this.cache = cache;
        this.valueType = valueType;
        this.ttl = settings.ttl(cache);
        this.fallbackTtl = settings.fallbackTtl();
        this.shared = shared;
        this.nanoTime = nanoTime;
        this.local = Caffeine.newBuilder()
                .maximumSize(settings.l1MaximumSize())
                .expireAfter(Expiry.<String, Held>creating((key, held) -> Duration.ofNanos(held.lifetimeNanos())))
                .build();
    }

    static JavaType type(Class<?> raw, Class<?>... parameters) {
        return JSON.getTypeFactory().constructParametricType(raw, parameters);
    }

    static JavaType type(Class<?> raw) {
        return JSON.getTypeFactory().constructType(raw);
    }

    /** The value of the key, from L1, L2, or else {@code loader} (then kept in both). */
    @SuppressWarnings("unchecked")
    public <V> V getOrLoad(String key, Supplier<V> loader) {
        if (CacheInvalidation.pendingInThisTransaction()) {
            return loader.get();
        }
        Map<String, Object> found = getAll(List.of(key), keys -> Map.of(key, loader.get()));
        return (V) found.get(key);
    }

    /**
     * The values of the keys, in their order: those in L1, then in L2, and the rest from one call of {@code loader}, which
     * must answer for every key it is given.
     */
    @SuppressWarnings("unchecked")
    public <V> Map<String, V> getAll(List<String> keys, Function<List<String>, Map<String, V>> loader) {
        if (CacheInvalidation.pendingInThisTransaction()) {
            return loader.apply(keys);
        }
        Map<String, V> values = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (String key : keys) {
            Optional<Object> held = fromLocal(key);
            if (held.isPresent()) {
                localHits.increment();
                values.put(key, (V) held.get());
            } else {
                missing.add(key);
            }
        }
        if (missing.isEmpty()) {
            return values;
        }
        long localGenerationBefore = localGeneration.get();
        List<String> inShared = shared.read(cache.cacheName(), missing).orElse(null);
        List<String> toLoad = new ArrayList<>();
        for (int i = 0; i < missing.size(); i++) {
            String json = inShared == null ? null : inShared.get(i);
            String key = missing.get(i);
            if (json == null) {
                toLoad.add(key);
            } else {
                sharedHits.increment();
                V value = JSON.readValue(json, valueType);
                values.put(key, value);
                keepLocally(key, value, ttl, localGenerationBefore);
            }
        }
        if (!toLoad.isEmpty()) {
            OptionalLong sharedGeneration = shared.generation(cache.cacheName());
            Map<String, V> loaded = loader.apply(toLoad);
            misses.add(toLoad.size());
            store(loaded, sharedGeneration, localGenerationBefore);
            values.putAll(loaded);
        }
        Map<String, V> ordered = new LinkedHashMap<>();
        keys.forEach(key -> ordered.put(key, values.get(key)));
        return ordered;
    }

    private <V> void store(Map<String, V> loaded, OptionalLong sharedGeneration, long localGenerationBefore) {
        SharedCacheStore.Write written = SharedCacheStore.Write.UNAVAILABLE;
        if (sharedGeneration.isPresent()) {
            Map<String, String> json = new HashMap<>();
            loaded.forEach((key, value) -> json.put(key, JSON.writeValueAsString(value)));
            written = shared.writeIfGeneration(cache.cacheName(), json, ttl, sharedGeneration.getAsLong());
        }
        switch (written) {
            case STORED -> loaded.forEach((key, value) -> keepLocally(key, value, ttl, localGenerationBefore));
            case UNAVAILABLE -> loaded.forEach((key, value) -> keepLocally(key, value, fallbackTtl, localGenerationBefore));
            case STALE -> {
                // An invalidation ran while this was loading: the answer may predate it, so it is used once and not kept.
            }
        }
    }

    private Optional<Object> fromLocal(String key) {
        Held held = local.getIfPresent(key);
        if (held == null) {
            return Optional.empty();
        }
        if (!shared.available() && nanoTime.getAsLong() - held.storedAt() > fallbackTtl.toNanos()) {
            local.asMap().remove(key, held);
            return Optional.empty();
        }
        return Optional.of(held.value());
    }

    private void keepLocally(String key, Object value, Duration lifetime, long generationBefore) {
        Held held = new Held(value, nanoTime.getAsLong(), lifetime.toNanos());
        local.put(key, held);
        puts.increment();
        if (localGeneration.get() != generationBefore) {
            local.asMap().remove(key, held);
        }
    }

    /** Drops the keys (every key when none is named) from this process's level only. */
    void evictLocally(Collection<String> keys) {
        localGeneration.incrementAndGet();
        if (keys.isEmpty()) {
            evictions.add(local.estimatedSize());
            local.invalidateAll();
        } else {
            keys.forEach(key -> {
                if (local.asMap().remove(key) != null) {
                    evictions.increment();
                }
            });
        }
    }

    /** Where {@link #evict} and {@link #clear} go: the one place that drops entries everywhere, after commit. */
    void invalidateThrough(CacheInvalidation invalidation) {
        this.invalidation = invalidation;
    }

    // --- Spring's Cache: what Boot's metrics and a caller of the abstraction see.

    @Override
    public String getName() {
        return cache.cacheName();
    }

    @Override
    public Object getNativeCache() {
        return local;
    }

    @Override
    public ValueWrapper get(Object key) {
        String name = key.toString();
        Optional<Object> held = fromLocal(name);
        if (held.isPresent()) {
            localHits.increment();
            return new SimpleValueWrapper(held.get());
        }
        Optional<String> json = shared.read(cache.cacheName(), List.of(name)).map(found -> found.get(0));
        if (json.isPresent()) {
            sharedHits.increment();
            return new SimpleValueWrapper(JSON.readValue(json.get(), valueType));
        }
        misses.increment();
        return null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T get(Object key, Class<T> type) {
        ValueWrapper wrapper = get(key);
        return wrapper == null ? null : (T) wrapper.get();
    }

    @Override
    public <T> T get(Object key, Callable<T> valueLoader) {
        return getOrLoad(key.toString(), () -> {
            try {
                return valueLoader.call();
            } catch (Exception e) {
                throw new ValueRetrievalException(key, valueLoader, e);
            }
        });
    }

    @Override
    public void put(Object key, Object value) {
        store(Map.of(key.toString(), value), shared.generation(cache.cacheName()), localGeneration.get());
    }

    @Override
    public void evict(Object key) {
        invalidation.evict(cache, List.of(key.toString()));
    }

    @Override
    public void clear() {
        invalidation.evict(cache, List.of());
    }

    // --- Counts, for the metrics and for motel-admin cache stats.

    long localHits() {
        return localHits.sum();
    }

    long sharedHits() {
        return sharedHits.sum();
    }

    long misses() {
        return misses.sum();
    }

    long puts() {
        return puts.sum();
    }

    long evictions() {
        return evictions.sum();
    }

    long size() {
        return local.estimatedSize();
    }
}
