package com.westbethel.motel.benchmarks;

import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicLong;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;
import org.springframework.cache.Cache;
import org.springframework.cache.caffeine.CaffeineCache;
import org.springframework.cache.interceptor.SimpleKey;

/**
 * A lookup in the in-process cache level as Spring's cache abstraction makes it ({@link CaffeineCache}, what
 * {@code @Cacheable} calls): a hit among 10,000 cached availability answers keyed like {@code @Cacheable}'s default key
 * for (check-in, check-out, guests), the same through {@code get(key, loader)} as {@code @Cacheable(sync = true)} does,
 * and a miss that runs a trivial loader, stores its value and evicts it again (so every call misses). The keys are
 * built before measuring. What a cached answer saves is the difference with {@link AvailabilityBenchmark} and the load
 * tests' database round trips.
 */
public class CacheLookupBenchmark extends MeasuredBenchmark {

    private static final int KEYS = 8_192;

    private CaffeineCache cache;
    private final SimpleKey[] keys = new SimpleKey[KEYS];
    private final AtomicLong misses = new AtomicLong();
    private final Object answer = new Object();
    private int next;

    @Setup
    public void aCacheOfAvailabilityAnswers() {
        cache = new CaffeineCache("availability",
                Caffeine.newBuilder().maximumSize(100_000).expireAfterWrite(Duration.ofMinutes(5)).recordStats().build());
        LocalDate first = LocalDate.of(2027, 1, 11);
        for (int i = 0; i < KEYS; i++) {
            LocalDate checkIn = first.plusDays(i % 365);
            keys[i] = new SimpleKey(checkIn, checkIn.plusDays(1 + i % 14), 1 + i % 3);
            cache.put(keys[i], answer);
        }
    }

    @Benchmark
    public Cache.ValueWrapper hit() {
        return cache.get(nextKey());
    }

    @Benchmark
    public Object hitThroughALoader() {
        return cache.get(nextKey(), () -> answer);
    }

    @Benchmark
    public Object missLoadAndEvict() {
        SimpleKey key = new SimpleKey("miss", misses.incrementAndGet());
        Object loaded = cache.get(key, () -> answer);
        cache.evict(key);
        return loaded;
    }

    private SimpleKey nextKey() {
        next = (next + 1) & (KEYS - 1);
        return keys[next];
    }
}
