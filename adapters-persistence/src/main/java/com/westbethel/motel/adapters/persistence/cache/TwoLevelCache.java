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
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.cache.Cache;
import org.springframework.cache.support.SimpleValueWrapper;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.json.JsonMapper;

/**
 * One named cache on two levels: this process's Caffeine (L1) in front of Redis shared by every replica (L2), in front of
 * PostgreSQL. A read tries L1, then L2 (and keeps what it found in L1), then loads, and stores the answer in both.
 *
 * <p>Coherence comes from versions ({@link SharedCacheStore}) and from messages ({@link CacheInvalidation}): each entry, in
 * either level, carries the version of its key it was loaded under. A change committed on any replica raises the versions
 * in Redis, and its answer waits until every listening replica has dropped the entries from L1. So a replica that hears
 * the channel ({@link CacheInvalidation#listening()}) answers from L1 alone when L1 holds every key asked for; one that
 * does not (or that lacks a key) fetches the keys' current versions from Redis in the same round trip as the L2 entries
 * it lacks, and uses no entry whose version is not current. A load stores its answer in Redis only if the version it read
 * first is still current, so an answer read before a commit never lands after that commit's invalidation.
 *
 * <p>While Redis is unreachable L1 serves alone, and no entry older than the fallback lifetime is used: other replicas'
 * changes cannot be seen then. A local generation, raised by every local eviction, keeps a load racing one out of L1.
 * Reads in a transaction that has changed what this cache holds go to PostgreSQL directly, so that nothing uncommitted
 * is ever cached ({@link CacheInvalidation}).
 */
public class TwoLevelCache implements Cache {

    private static final Logger log = LoggerFactory.getLogger(TwoLevelCache.class);
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
    private final AtomicBoolean unreadableLogged = new AtomicBoolean();
    private volatile CacheInvalidation invalidation;

    /** A value in L1, with the version it was loaded under (none while Redis was down), when it was stored and how long it may live. */
    private record Held(Object value, String version, long storedAt, long lifetimeNanos) {
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
                .ticker(nanoTime::getAsLong)
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
     * The values of the keys, in their order: those current in L1, then in L2, and the rest from one call of
     * {@code loader}, which must answer for every key it is given (or for none, to find only what is cached).
     */
    @SuppressWarnings("unchecked")
    public <V> Map<String, V> getAll(List<String> keys, Function<List<String>, Map<String, V>> loader) {
        if (CacheInvalidation.pendingInThisTransaction()) {
            return loader.apply(keys);
        }
        CacheInvalidation listener = invalidation;
        if (listener != null && listener.listening()) {
            Map<String, V> local = fromLocalAlone(keys);
            if (local != null) {
                return local;
            }
        }
        long localGenerationBefore = localGeneration.get();
        Map<String, Held> held = new HashMap<>();
        List<String> notHeld = new ArrayList<>();
        for (String key : keys) {
            Held found = local.getIfPresent(key);
            if (found == null) {
                notHeld.add(key);
            } else {
                held.put(key, found);
            }
        }
        Optional<SharedCacheStore.Lookup> lookup = shared.lookup(cache.cacheName(), keys, notHeld);
        Map<String, V> values = new HashMap<>();
        Map<String, String> versions = new HashMap<>();
        List<String> toLoad = new ArrayList<>();
        if (lookup.isEmpty()) {
            for (String key : keys) {
                Held found = held.get(key);
                if (found != null && nanoTime.getAsLong() - found.storedAt() <= fallbackTtl.toNanos()) {
                    localHits.increment();
                    values.put(key, (V) found.value());
                } else {
                    toLoad.add(key);
                }
            }
        } else {
            List<String> outdated = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                String key = keys.get(i);
                String version = lookup.get().versions().get(i);
                versions.put(key, version);
                Held found = held.get(key);
                if (found != null && version.equals(found.version())) {
                    localHits.increment();
                    values.put(key, (V) found.value());
                } else if (found != null) {
                    local.asMap().remove(key, found);
                    outdated.add(key);
                }
            }
            Map<String, String> stored = new HashMap<>(lookup.get().entries());
            if (!outdated.isEmpty()) {
                shared.entries(cache.cacheName(), outdated).ifPresent(stored::putAll);
            }
            for (String key : keys) {
                if (values.containsKey(key)) {
                    continue;
                }
                Optional<V> inShared = current(key, stored.get(key), versions.get(key));
                if (inShared.isPresent()) {
                    sharedHits.increment();
                    values.put(key, inShared.get());
                    keepLocally(key, inShared.get(), versions.get(key), ttl, localGenerationBefore);
                } else {
                    toLoad.add(key);
                }
            }
        }
        if (!toLoad.isEmpty()) {
            Map<String, V> loaded = loader.apply(toLoad);
            misses.add(toLoad.size());
            store(loaded, lookup.isPresent() ? versions : null, localGenerationBefore);
            values.putAll(loaded);
        }
        Map<String, V> ordered = new LinkedHashMap<>();
        keys.forEach(key -> ordered.put(key, values.get(key)));
        return ordered;
    }

    /**
     * The keys' values when L1 holds every one of them, loaded while Redis answered (so under a version): what a process that
     * hears every invalidation may answer without asking Redis. Null when one is missing.
     */
    @SuppressWarnings("unchecked")
    private <V> Map<String, V> fromLocalAlone(List<String> keys) {
        Map<String, V> values = new LinkedHashMap<>();
        for (String key : keys) {
            Held found = local.getIfPresent(key);
            if (found == null || found.version() == null) {
                return null;
            }
            values.put(key, (V) found.value());
        }
        localHits.add(keys.size());
        return values;
    }

    /** The value of an entry read from Redis, when there is one and it is of the current version. */
    @SuppressWarnings("unchecked")
    private <V> Optional<V> current(String key, String stored, String version) {
        if (stored == null || !stored.startsWith(version + "\n")) {
            return Optional.empty();
        }
        try {
            return Optional.of((V) JSON.readValue(stored.substring(version.length() + 1), valueType));
        } catch (RuntimeException unreadable) {
            // Another version of the code wrote it (or it is damaged): a miss, never a failed request; deleted, so the load replaces it.
            if (unreadableLogged.compareAndSet(false, true)) {
                log.warn("An entry of the {} cache in Redis could not be read ({}); such entries are treated as missing and deleted",
                        cache.cacheName(), unreadable.getMessage());
            }
            shared.delete(cache.cacheName(), key);
            return Optional.empty();
        }
    }

    /** Keeps the loaded values: in Redis if their versions are still current, and here; here alone, briefly, without Redis. */
    private <V> void store(Map<String, V> loaded, Map<String, String> versions, long localGenerationBefore) {
        if (versions == null) {
            loaded.forEach((key, value) -> keepLocally(key, value, null, fallbackTtl, localGenerationBefore));
            return;
        }
        Map<String, String> json = new HashMap<>();
        loaded.forEach((key, value) -> {
            if (!absent(value)) {
                json.put(key, JSON.writeValueAsString(value));
            }
        });
        if (!json.isEmpty()) {
            shared.writeIfCurrent(cache.cacheName(), json, versions, ttl);
        }
        loaded.forEach((key, value) -> keepLocally(key, value, versions.get(key), absent(value) ? fallbackTtl : ttl, localGenerationBefore));
    }

    /**
     * Whether the answer is that nothing is there (an unknown promotion code or room type, typed by anyone): not kept in
     * Redis, whose memory anonymous requests could otherwise fill, and here only briefly (L1 is bounded).
     */
    private static boolean absent(Object value) {
        return value instanceof Optional<?> optional && optional.isEmpty() || value instanceof Collection<?> collection && collection.isEmpty();
    }

    private void keepLocally(String key, Object value, String version, Duration lifetime, long generationBefore) {
        Held held = new Held(value, version, nanoTime.getAsLong(), lifetime.toNanos());
        local.put(key, held);
        puts.increment();
        if (localGeneration.get() != generationBefore) {
            local.asMap().remove(key, held);
        }
    }

    /** How long an entry lives in Redis and here. */
    Duration lifetime() {
        return ttl;
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
        Object found = getAll(List.of(key.toString()), missing -> Map.of()).get(key.toString());
        return found == null ? null : new SimpleValueWrapper(found);
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
        String name = key.toString();
        long localGenerationBefore = localGeneration.get();
        Map<String, String> versions = shared.lookup(cache.cacheName(), List.of(name), List.of())
                .map(lookup -> Map.of(name, lookup.versions().get(0))).orElse(null);
        store(Map.of(name, value), versions, localGenerationBefore);
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
