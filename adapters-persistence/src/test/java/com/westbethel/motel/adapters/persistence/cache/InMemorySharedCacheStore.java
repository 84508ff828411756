package com.westbethel.motel.adapters.persistence.cache;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.springframework.data.redis.core.StringRedisTemplate;

/** Redis's part of the cache in memory, for fast tests of the rules around it; {@link #down} plays an outage. */
class InMemorySharedCacheStore extends SharedCacheStore {

    final Map<String, String> entries = new HashMap<>();
    final Map<String, Long> generations = new HashMap<>();
    final List<String> announced = new ArrayList<>();
    boolean down;

    InMemorySharedCacheStore() {
        super(new StringRedisTemplate(), "test");
    }

    @Override
    public boolean available() {
        return !down;
    }

    @Override
    Optional<List<String>> read(String cache, List<String> keys) {
        return down ? Optional.empty() : Optional.of(keys.stream().map(key -> entries.get(key(cache, key))).toList());
    }

    @Override
    OptionalLong generation(String cache) {
        return down ? OptionalLong.empty() : OptionalLong.of(generations.getOrDefault(cache, 0L));
    }

    @Override
    Write writeIfGeneration(String cache, Map<String, String> values, Duration ttl, long generation) {
        if (down) {
            return Write.UNAVAILABLE;
        }
        if (generations.getOrDefault(cache, 0L) != generation) {
            return Write.STALE;
        }
        values.forEach((key, json) -> entries.put(key(cache, key), json));
        return Write.STORED;
    }

    @Override
    boolean invalidate(String cache, Collection<String> keys) {
        if (down) {
            return false;
        }
        generations.merge(cache, 1L, Long::sum);
        if (keys.isEmpty()) {
            entries.keySet().removeIf(key -> key.startsWith(key(cache, "")));
        } else {
            keys.forEach(key -> entries.remove(key(cache, key)));
        }
        return true;
    }

    @Override
    boolean announce(String message) {
        if (!down) {
            announced.add(message);
        }
        return !down;
    }

    @Override
    boolean probe() {
        return false;
    }
}
