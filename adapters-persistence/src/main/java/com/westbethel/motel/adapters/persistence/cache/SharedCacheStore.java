package com.westbethel.motel.adapters.persistence.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.redis.core.Cursor;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.ScanOptions;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.data.redis.core.script.RedisScript;

/**
 * The shared level of the cache in Redis: entries as JSON under {@code <prefix>:<cache>:<key>}, and per cache a generation
 * counter that every invalidation raises before it deletes. A loader reads the generation before it reads PostgreSQL and
 * stores its answer only if the generation is unchanged (one script, so atomically): an answer read before a commit can
 * never land after that commit's invalidation.
 *
 * <p>While Redis is unreachable nothing here waits for it: the first failure marks it down (logged once), every call
 * answers "unavailable" at once, and {@link #probe()} (the coordinator's background thread) finds when it is back.
 */
public class SharedCacheStore {

    private static final Logger log = LoggerFactory.getLogger(SharedCacheStore.class);
    private static final RedisScript<Long> PUT_IF_GENERATION = RedisScript.of("""
            if (redis.call('GET', KEYS[1]) or '0') ~= ARGV[1] then return 0 end
            for i = 2, #KEYS do redis.call('SET', KEYS[i], ARGV[i + 1], 'PX', ARGV[2]) end
            return 1
            """, Long.class);

    /** What became of a write. */
    public enum Write { STORED, STALE, UNAVAILABLE }

    private final StringRedisTemplate redis;
    private final String prefix;
    private final AtomicBoolean down = new AtomicBoolean();

    public SharedCacheStore(StringRedisTemplate redis, String prefix) {
        this.redis = redis;
        this.prefix = prefix;
    }

    public boolean available() {
        return !down.get();
    }

    String channel() {
        return prefix + ":invalidations";
    }

    String key(String cache, String key) {
        return prefix + ":" + cache + ":" + key;
    }

    private String generationKey(String cache) {
        return prefix + ":generation:" + cache;
    }

    String replicaKey(String instance) {
        return prefix + ":replicas:" + instance;
    }

    /** Per key, its JSON, or null when absent; empty when Redis is unavailable. */
    Optional<List<String>> read(String cache, List<String> keys) {
        return call(() -> redis.opsForValue().multiGet(keys.stream().map(key -> key(cache, key)).toList()));
    }

    OptionalLong generation(String cache) {
        return call(() -> redis.opsForValue().get(generationKey(cache)))
                .map(value -> OptionalLong.of(Long.parseLong(value)))
                .orElseGet(() -> available() ? OptionalLong.of(0) : OptionalLong.empty());
    }

    Write writeIfGeneration(String cache, Map<String, String> entries, Duration ttl, long generation) {
        List<String> keys = new ArrayList<>();
        List<String> arguments = new ArrayList<>(List.of(String.valueOf(generation), String.valueOf(ttl.toMillis())));
        keys.add(generationKey(cache));
        entries.forEach((key, json) -> {
            keys.add(key(cache, key));
            arguments.add(json);
        });
        return call(() -> redis.execute(PUT_IF_GENERATION, keys, arguments.toArray()))
                .map(stored -> stored == 1 ? Write.STORED : Write.STALE)
                .orElse(Write.UNAVAILABLE);
    }

    /**
     * Raises the cache's generation, then deletes the keys, or every key of the cache when none is named.
     *
     * @return false when Redis could not be reached (the caller must try again once it is back)
     */
    boolean invalidate(String cache, Collection<String> keys) {
        return call(() -> {
            redis.opsForValue().increment(generationKey(cache));
            if (keys.isEmpty()) {
                deleteMatching(prefix + ":" + cache + ":*");
            } else {
                redis.delete(keys.stream().map(key -> key(cache, key)).toList());
            }
            return true;
        }).orElse(false);
    }

    private void deleteMatching(String pattern) {
        List<String> batch = new ArrayList<>();
        try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions().match(pattern).count(1000).build())) {
            while (keys.hasNext()) {
                batch.add(keys.next());
                if (batch.size() == 1000) {
                    redis.delete(batch);
                    batch.clear();
                }
            }
        }
        if (!batch.isEmpty()) {
            redis.delete(batch);
        }
    }

    long keyCount(String cache) {
        long count = 0;
        try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions().match(prefix + ":" + cache + ":*").count(1000).build())) {
            while (keys.hasNext()) {
                keys.next();
                count++;
            }
        }
        return count;
    }

    boolean announce(String message) {
        return call(() -> redis.convertAndSend(channel(), message)).isPresent();
    }

    /** This process's counts for {@code cache stats}, kept for three intervals: a replica that stops drops out by itself. */
    void publishCounts(String instance, Map<String, String> counts, Duration interval) {
        call(() -> {
            redis.opsForHash().putAll(replicaKey(instance), counts);
            return redis.expire(replicaKey(instance), interval.multipliedBy(3));
        });
    }

    /** Every running replica's counts, by instance. */
    Map<String, Map<String, String>> replicaCounts() {
        Map<String, Map<String, String>> replicas = new HashMap<>();
        try (Cursor<String> keys = redis.scan(ScanOptions.scanOptions().match(replicaKey("*")).count(1000).build())) {
            while (keys.hasNext()) {
                String key = keys.next();
                Map<String, String> counts = new HashMap<>();
                redis.<String, String>opsForHash().entries(key).forEach(counts::put);
                replicas.put(key.substring(replicaKey("").length()), counts);
            }
        }
        return replicas;
    }

    /**
     * Whether Redis answers now; when it answers again after an outage, says so once.
     *
     * @return true when Redis came back with this call
     */
    boolean probe() {
        try {
            redis.execute((RedisCallback<String>) connection -> connection.ping());
        } catch (RuntimeException e) {
            markDown(e);
            return false;
        }
        if (down.compareAndSet(true, false)) {
            log.info("Redis reachable again: the cache is two-level again");
            return true;
        }
        return false;
    }

    private <T> Optional<T> call(Supplier<T> command) {
        if (down.get()) {
            return Optional.empty();
        }
        try {
            return Optional.ofNullable(command.get());
        } catch (RuntimeException e) {
            markDown(e);
            return Optional.empty();
        }
    }

    private void markDown(RuntimeException e) {
        if (down.compareAndSet(false, true)) {
            log.warn("Redis unavailable for the cache: each process serves from its own memory with short lifetimes until it is back ({})",
                    e.getMessage());
        }
    }
}
