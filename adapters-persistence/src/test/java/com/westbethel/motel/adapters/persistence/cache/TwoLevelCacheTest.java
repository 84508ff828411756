package com.westbethel.motel.adapters.persistence.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The two levels' rules with Redis played in memory: where an answer comes from, and when one is not kept. */
class TwoLevelCacheTest {

    private final InMemorySharedCacheStore redis = new InMemorySharedCacheStore();
    private final AtomicLong now = new AtomicLong();
    private final CacheSettings settings = new CacheSettings("test", Map.of(), Duration.ofSeconds(30), 100, Duration.ofSeconds(1), Duration.ofSeconds(1),
            0, 200);
    private final TwoLevelCache promotions = new TwoLevelCache(MotelCache.PROMOTIONS, TwoLevelCache.type(Optional.class, String.class), settings, redis,
            now::get);
    private final AtomicInteger loads = new AtomicInteger();

    @Test
    void an_answer_is_loaded_once_then_served_from_memory_and_another_process_finds_it_in_redis() {
        assertThat(promotions.<Optional<String>>getOrLoad("WELCOME10", this::load)).contains("ten percent");
        assertThat(promotions.<Optional<String>>getOrLoad("WELCOME10", this::load)).contains("ten percent");
        TwoLevelCache otherProcess = new TwoLevelCache(MotelCache.PROMOTIONS, TwoLevelCache.type(Optional.class, String.class), settings, redis, now::get);

        assertThat(otherProcess.<Optional<String>>getOrLoad("WELCOME10", this::load)).contains("ten percent");

        assertThat(loads).hasValue(1);
        assertThat(promotions.localHits()).isEqualTo(1);
        assertThat(otherProcess.sharedHits()).isEqualTo(1);
    }

    @Test
    void an_answer_loaded_while_an_invalidation_ran_is_used_once_and_kept_nowhere() {
        Optional<String> answered = promotions.getOrLoad("WELCOME10", () -> {
            redis.invalidate("promotions", List.of("WELCOME10"));
            promotions.evictLocally(List.of("WELCOME10"));
            return load();
        });

        assertThat(answered).contains("ten percent");
        assertThat(redis.entries).isEmpty();
        assertThat(promotions.size()).isZero();
        promotions.getOrLoad("WELCOME10", this::load);
        assertThat(loads).as("loaded again, then kept").hasValue(2);
        assertThat(redis.entries).hasSize(1);
    }

    @Test
    void with_redis_down_memory_serves_alone_for_the_fallback_lifetime_only() {
        redis.down = true;
        promotions.getOrLoad("WELCOME10", this::load);
        now.addAndGet(Duration.ofSeconds(29).toNanos());
        promotions.getOrLoad("WELCOME10", this::load);
        assertThat(loads).hasValue(1);

        now.addAndGet(Duration.ofSeconds(2).toNanos());
        promotions.getOrLoad("WELCOME10", this::load);

        assertThat(loads).hasValue(2);
    }

    @Test
    void an_entry_kept_with_redis_up_is_not_trusted_past_the_fallback_lifetime_once_redis_is_down() {
        promotions.getOrLoad("WELCOME10", this::load);
        redis.down = true;
        now.addAndGet(Duration.ofMinutes(1).toNanos());

        promotions.getOrLoad("WELCOME10", this::load);

        assertThat(loads).as("other replicas' changes could not have reached this process").hasValue(2);
    }

    @Test
    void evicting_a_whole_cache_in_memory_counts_what_it_dropped() {
        promotions.getOrLoad("A", this::load);
        promotions.getOrLoad("B", this::load);

        promotions.evictLocally(List.of());

        assertThat(promotions.size()).isZero();
        assertThat(promotions.evictions()).isEqualTo(2);
    }

    private Optional<String> load() {
        loads.incrementAndGet();
        return Optional.of("ten percent");
    }
}
