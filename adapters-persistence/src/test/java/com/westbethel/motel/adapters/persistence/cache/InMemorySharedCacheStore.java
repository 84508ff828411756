package com.westbethel.motel.adapters.persistence.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.LockSupport;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Redis's part of the cache in memory, for fast tests of the rules around it; {@link #down} plays an outage. Generations
 * are kept by cache ({@code promotions}) and by key ({@code promotions:WELCOME10}), as the scripts keep them.
 */
class InMemorySharedCacheStore extends SharedCacheStore {

    final Map<String, String> entries = new HashMap<>();
    final Map<String, Long> generations = new HashMap<>();
    final List<String> announced = new ArrayList<>();
    final Map<String, Long> acknowledgements = new ConcurrentHashMap<>();
    /** Who hears the channel: none unless a test adds a replica. */
    final List<CacheInvalidation> subscribers = new CopyOnWriteArrayList<>();
    static final Duration DELIVERY_DELAY = Duration.ofMillis(20);
    boolean down;
    /** Runs once, after the next lookup has read what Redis holds and before the reader uses it. */
    Runnable afterNextLookup = () -> {
    };

    InMemorySharedCacheStore() {
        super(new StringRedisTemplate(), "test");
    }

    @Override
    public boolean available() {
        return !down;
    }

    private String version(String cache, String key) {
        return generations.getOrDefault(cache, 0L) + "." + generations.getOrDefault(cache + ":" + key, 0L);
    }

    @Override
    Optional<Lookup> lookup(String cache, List<String> keys, List<String> withEntries) {
        if (down) {
            return Optional.empty();
        }
        Map<String, String> found = new HashMap<>();
        withEntries.forEach(key -> Optional.ofNullable(entries.get(key(cache, key))).ifPresent(stored -> found.put(key, stored)));
        Lookup lookup = new Lookup(keys.stream().map(key -> version(cache, key)).toList(), found);
        Runnable after = afterNextLookup;
        afterNextLookup = () -> {
        };
        after.run();
        return Optional.of(lookup);
    }

    @Override
    Optional<Map<String, String>> entries(String cache, List<String> keys) {
        return lookup(cache, List.of(), keys).map(Lookup::entries);
    }

    @Override
    void writeIfCurrent(String cache, Map<String, String> json, Map<String, String> versions, Duration ttl) {
        if (!down) {
            json.forEach((key, value) -> {
                if (version(cache, key).equals(versions.get(key))) {
                    entries.put(key(cache, key), versions.get(key) + "\n" + value);
                }
            });
        }
    }

    @Override
    void delete(String cache, String key) {
        entries.remove(key(cache, key));
    }

    @Override
    boolean invalidate(String cache, Collection<String> keys, Duration ttl) {
        if (down) {
            return false;
        }
        if (keys.isEmpty()) {
            generations.merge(cache, 1L, Long::sum);
        }
        keys.forEach(key -> {
            generations.merge(cache + ":" + key, 1L, Long::sum);
            entries.remove(key(cache, key));
        });
        return true;
    }

    @Override
    boolean clear(String cache) {
        if (down) {
            return false;
        }
        generations.merge(cache, 1L, Long::sum);
        entries.keySet().removeIf(key -> key.startsWith(key(cache, "")));
        return true;
    }

    /**
     * Records the message without the nonce a sender waits under (a random one), and hands it to each of the {@link
     * #subscribers} a moment later, on a thread of its own, as the channel does: their number is what it returns.
     */
    @Override
    long announce(String message) {
        if (down) {
            return -1;
        }
        announced.add(message.replaceFirst("#[^\n]*", ""));
        subscribers.forEach(subscriber -> new Thread(() -> {
            LockSupport.parkNanos(DELIVERY_DELAY.toNanos());
            subscriber.received(message);
        }).start());
        return subscribers.size();
    }

    @Override
    void acknowledge(String nonce) {
        acknowledgements.merge(nonce, 1L, Long::sum);
    }

    @Override
    long acknowledgements(String nonce) {
        return acknowledgements.getOrDefault(nonce, 0L);
    }

    @Override
    boolean probe() {
        return false;
    }
}
