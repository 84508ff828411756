package com.westbethel.motel.adapters.persistence.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
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
 * The shared level of the cache in Redis, and the versions that make every level coherent. Entries are kept as
 * {@code <version>\n<json>} under {@code <prefix>:<cache>:<schema>:<key>}. A key's version is its cache's generation and
 * the key's own generation ({@code G.g}, each 0 until raised): an invalidation raises the key's generation (or the
 * cache's, for every key) and deletes the entry, in one script. Every read fetches the current versions of its keys in
 * the same round trip as the entries it lacks, so an entry, in Redis or in a process's memory, is used only while its
 * version is current: a change is seen by the next read on every replica, whatever became of the pub/sub message. A
 * loader stores its answer only if the version it read before loading is still current (one script, so atomically).
 *
 * <p>While Redis is unreachable nothing here waits for it: the first failure marks it down (logged once), every call
 * answers "unavailable" at once, and {@link #probe()} (the coordinator's background thread) finds when it is back.
 */
public class SharedCacheStore {

    /** How long an invalidation's acknowledgements are kept: far longer than any sender waits for them. */
    private static final Duration ACKNOWLEDGEMENTS_KEPT = Duration.ofSeconds(10);

    /**
     * The shape of the values kept: raised whenever a cached record changes shape, so that a process never reads the
     * JSON another version of the code wrote. Generations are not under it: a rolling deploy's old and new processes
     * invalidate each other's entries.
     */
    static final String SCHEMA = "v2";

    private static final Logger log = LoggerFactory.getLogger(SharedCacheStore.class);
    private static final RedisScript<Long> PUT_IF_CURRENT = RedisScript.of("""
            local cache = redis.call('GET', KEYS[1]) or '0'
            local stored = 0
            for i = 2, #KEYS, 2 do
              local version = cache .. '.' .. (redis.call('GET', KEYS[i]) or '0')
              if version == ARGV[i] then
                redis.call('SET', KEYS[i + 1], version .. '\\n' .. ARGV[i + 1], 'PX', ARGV[1])
                stored = stored + 1
              end
            end
            return stored
            """, Long.class);
    private static final RedisScript<Long> INVALIDATE = RedisScript.of("""
            if #KEYS == 1 then return redis.call('INCR', KEYS[1]) end
            for i = 2, #KEYS, 2 do
              redis.call('INCR', KEYS[i])
              redis.call('PEXPIRE', KEYS[i], ARGV[1])
              redis.call('DEL', KEYS[i + 1])
            end
            return 0
            """, Long.class);

    /**
     * What Redis holds for some keys of a cache, read in one round trip.
     *
     * @param versions per key asked, in order, its current version
     * @param entries  per key whose entry was asked for and is there, what is stored ({@code <version>\n<json>})
     */
    record Lookup(List<String> versions, Map<String, String> entries) {
    }

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
        return prefix + ":" + cache + ":" + SCHEMA + ":" + key;
    }

    private String generationKey(String cache) {
        return prefix + ":generation:" + cache;
    }

    private String generationKey(String cache, String key) {
        return prefix + ":generation:" + cache + ":" + key;
    }

    String replicaKey(String instance) {
        return prefix + ":replicas:" + instance;
    }

    /** The keys' current versions, and the entries of {@code withEntries} (some of the keys); empty when Redis is unavailable. */
    Optional<Lookup> lookup(String cache, List<String> keys, List<String> withEntries) {
        List<String> names = new ArrayList<>();
        names.add(generationKey(cache));
        keys.forEach(key -> names.add(generationKey(cache, key)));
        withEntries.forEach(key -> names.add(key(cache, key)));
        return call(() -> redis.opsForValue().multiGet(names)).map(values -> {
            String generation = values.get(0) == null ? "0" : values.get(0);
            List<String> versions = new ArrayList<>();
            for (int i = 0; i < keys.size(); i++) {
                String own = values.get(1 + i);
                versions.add(generation + "." + (own == null ? "0" : own));
            }
            Map<String, String> entries = new HashMap<>();
            for (int i = 0; i < withEntries.size(); i++) {
                String stored = values.get(1 + keys.size() + i);
                if (stored != null) {
                    entries.put(withEntries.get(i), stored);
                }
            }
            return new Lookup(versions, entries);
        });
    }

    /** The entries stored under the keys, those there; empty when Redis is unavailable. */
    Optional<Map<String, String>> entries(String cache, List<String> keys) {
        return call(() -> redis.opsForValue().multiGet(keys.stream().map(key -> key(cache, key)).toList())).map(values -> {
            Map<String, String> entries = new HashMap<>();
            for (int i = 0; i < keys.size(); i++) {
                if (values.get(i) != null) {
                    entries.put(keys.get(i), values.get(i));
                }
            }
            return entries;
        });
    }

    /** Stores each entry whose version (read before it was loaded) is still current; the others are dropped. */
    void writeIfCurrent(String cache, Map<String, String> json, Map<String, String> versions, Duration ttl) {
        List<String> keys = new ArrayList<>(List.of(generationKey(cache)));
        List<String> arguments = new ArrayList<>(List.of(String.valueOf(ttl.toMillis())));
        json.forEach((key, value) -> {
            keys.add(generationKey(cache, key));
            keys.add(key(cache, key));
            arguments.add(versions.get(key));
            arguments.add(value);
        });
        call(() -> redis.execute(PUT_IF_CURRENT, keys, arguments.toArray()));
    }

    /** Drops one entry that could not be read (written by another version of the code, or damaged). */
    void delete(String cache, String key) {
        call(() -> redis.delete(key(cache, key)));
    }

    /**
     * Raises the keys' generations and deletes their entries, or raises the cache's generation when no key is named
     * (every entry of the cache is then out of date, and left to expire). A key's generation lives twice the cache's
     * lifetime: longer than any entry stored before it was raised, so that it cannot fall back to a version one carries.
     *
     * @return false when Redis could not be reached (the caller must try again once it is back)
     */
    boolean invalidate(String cache, Collection<String> keys, Duration ttl) {
        List<String> names = new ArrayList<>(List.of(generationKey(cache)));
        keys.forEach(key -> {
            names.add(generationKey(cache, key));
            names.add(key(cache, key));
        });
        return call(() -> redis.execute(INVALIDATE, names, String.valueOf(ttl.multipliedBy(2).toMillis()))).isPresent();
    }

    /** Raises the cache's generation and deletes every entry it has in Redis: what {@code motel-admin cache evict} does. */
    boolean clear(String cache) {
        return invalidate(cache, List.of(), Duration.ZERO) && call(() -> {
            deleteMatching(prefix + ":" + cache + ":*");
            return true;
        }).isPresent();
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

    /**
     * Publishes the message on the channel.
     *
     * @return how many subscribed processes received it (this one among them when it listens), or -1 when Redis could not be
     *         reached
     */
    long announce(String message) {
        return call(() -> redis.convertAndSend(channel(), message)).orElse(-1L);
    }

    /** Tells the sender of an invalidation that this process has done it ({@link #acknowledgements}). */
    void acknowledge(String nonce) {
        call(() -> {
            redis.opsForValue().increment(ackKey(nonce));
            return redis.expire(ackKey(nonce), ACKNOWLEDGEMENTS_KEPT);
        });
    }

    /** How many processes have acknowledged the invalidation sent under the nonce so far. */
    long acknowledgements(String nonce) {
        return call(() -> redis.opsForValue().get(ackKey(nonce))).map(Long::parseLong).orElse(0L);
    }

    private String ackKey(String nonce) {
        return prefix + ":ack:" + nonce;
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
        if (Thread.currentThread().isInterrupted()) {
            // The calling thread was interrupted (its executor shutting down, say), which says nothing about Redis. Marked
            // down, this process would serve from memory alone until a probe that, once the coordinator is gone, never comes.
            return;
        }
        if (down.compareAndSet(false, true)) {
            log.warn("Redis unavailable for the cache: each process serves from its own memory with short lifetimes until it is back ({})",
                    e.getMessage());
        }
    }
}
