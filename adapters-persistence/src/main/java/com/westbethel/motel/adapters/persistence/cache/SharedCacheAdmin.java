package com.westbethel.motel.adapters.persistence.cache;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** What {@code motel-admin cache} does from outside the running processes: evict everywhere, and gather every replica's counts. */
public class SharedCacheAdmin {

    private final SharedCacheStore shared;
    private final String sender;

    public SharedCacheAdmin(SharedCacheStore shared, String sender) {
        this.shared = shared;
        this.sender = sender;
    }

    /** Whether Redis answers: without it nothing can be evicted or counted. */
    public boolean reachable() {
        return shared.probe() || shared.available();
    }

    /** The names of the caches. */
    public static List<String> names() {
        return Arrays.stream(MotelCache.values()).map(MotelCache::cacheName).toList();
    }

    /**
     * Empties the named cache (every cache when none is named) in Redis and in every replica's memory.
     *
     * @return the caches emptied
     * @throws IllegalArgumentException for a name that is not a cache's
     */
    public List<String> evict(Optional<String> name) {
        List<MotelCache> caches = name.map(named -> List.of(MotelCache.named(named)
                        .orElseThrow(() -> new IllegalArgumentException("No cache is named '%s'; the caches: %s".formatted(named, String.join(", ", names()))))))
                .orElse(List.of(MotelCache.values()));
        CacheInvalidation.evictEverywhere(shared, caches, sender);
        return caches.stream().map(MotelCache::cacheName).toList();
    }

    /**
     * One cache as Redis and one running replica see it.
     *
     * @param replica the process ({@code motel-api-1a2b3c4d}), empty for a cache no replica reported
     * @param l1Hits  answers from that process's memory
     * @param l2Hits  answers from Redis
     * @param misses  answers loaded from PostgreSQL
     * @param l1Size  entries in that process's memory
     */
    public record Stats(String cache, long l2Keys, String replica, long l1Hits, long l2Hits, long misses, long l1Size) {
    }

    /** Per cache, the keys in Redis, with each running replica's counts (replicas publish them every few seconds). */
    public List<Stats> stats() {
        Map<String, Map<String, String>> replicas = shared.replicaCounts();
        List<Stats> stats = new ArrayList<>();
        for (MotelCache cache : MotelCache.values()) {
            long keys = shared.keyCount(cache.cacheName());
            if (replicas.isEmpty()) {
                stats.add(new Stats(cache.cacheName(), keys, "", 0, 0, 0, 0));
            }
            replicas.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(replica -> {
                long[] counts = Arrays.stream(replica.getValue().getOrDefault(cache.cacheName(), "0 0 0 0").split(" ")).mapToLong(Long::parseLong).toArray();
                stats.add(new Stats(cache.cacheName(), keys, replica.getKey(), counts[0], counts[1], counts[2], counts[3]));
            });
        }
        return stats;
    }
}
