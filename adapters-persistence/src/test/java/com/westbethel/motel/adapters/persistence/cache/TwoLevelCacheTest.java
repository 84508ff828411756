package com.westbethel.motel.adapters.persistence.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
            0, 200, Duration.ofMillis(100));
    private final TwoLevelCache promotions = new TwoLevelCache(MotelCache.PROMOTIONS, TwoLevelCache.type(Optional.class, String.class), settings, redis,
            now::get);
    private final AtomicInteger loads = new AtomicInteger();
    private volatile String offer = "ten percent";

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
            redis.invalidate("promotions", List.of("WELCOME10"), Duration.ofMinutes(1));
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
    void an_old_entry_read_from_redis_while_the_writer_evicts_it_is_not_served_by_the_writers_next_read() {
        promotions.getOrLoad("WELCOME10", this::load);
        TwoLevelCache writer = new TwoLevelCache(MotelCache.PROMOTIONS, TwoLevelCache.type(Optional.class, String.class), settings, redis, now::get);
        // The writer's change reaches Redis after this read found the old entry there and before it keeps it in memory.
        redis.afterNextLookup = () -> {
            offer = "fifteen percent";
            redis.invalidate("promotions", List.of("WELCOME10"), Duration.ofMinutes(1));
        };

        assertThat(writer.<Optional<String>>getOrLoad("WELCOME10", this::load)).as("a read racing the change").contains("ten percent");

        assertThat(writer.<Optional<String>>getOrLoad("WELCOME10", this::load)).as("the next read").contains("fifteen percent");
    }

    @Test
    void a_change_made_by_another_process_is_seen_by_the_next_read_here_though_no_message_reached_this_one() {
        promotions.getOrLoad("WELCOME10", this::load);
        offer = "fifteen percent";

        redis.invalidate("promotions", List.of("WELCOME10"), Duration.ofMinutes(1));

        assertThat(promotions.<Optional<String>>getOrLoad("WELCOME10", this::load)).contains("fifteen percent");
        assertThat(promotions.<Optional<String>>getOrLoad("WELCOME10", this::load)).contains("fifteen percent");
        assertThat(loads).as("loaded again once, then served from memory").hasValue(2);
    }

    @Test
    void a_change_to_one_key_does_not_throw_away_a_load_of_another_running_meanwhile() {
        promotions.getOrLoad("SPRING", () -> {
            redis.invalidate("promotions", List.of("WELCOME10"), Duration.ofMinutes(1));
            return load();
        });

        assertThat(redis.entries).containsKey(redis.key("promotions", "SPRING"));
    }

    @Test
    void an_entry_in_redis_that_does_not_read_as_this_codes_value_is_a_miss_and_is_replaced() {
        redis.entries.put(redis.key("promotions", "WELCOME10"), "0.0\n{\"shape\":\"of another version\"}");

        assertThat(promotions.<Optional<String>>getOrLoad("WELCOME10", this::load)).contains("ten percent");

        assertThat(loads).hasValue(1);
        assertThat(redis.entries).containsEntry(redis.key("promotions", "WELCOME10"), "0.0\n\"ten percent\"");
    }

    @Test
    void an_unknown_code_is_remembered_in_memory_briefly_and_never_in_redis() {
        promotions.getOrLoad("NO-SUCH-CODE", Optional::empty);
        assertThat(promotions.<Optional<String>>getOrLoad("NO-SUCH-CODE", this::load)).isEmpty();

        assertThat(redis.entries).isEmpty();
        now.addAndGet(Duration.ofSeconds(31).toNanos());
        assertThat(promotions.<Optional<String>>getOrLoad("NO-SUCH-CODE", this::load)).as("past the fallback lifetime").contains("ten percent");
    }

    @Test
    void a_lifetime_of_zero_is_refused_when_the_settings_are_made() {
        assertThatThrownBy(() -> new CacheSettings("test", Map.of(MotelCache.PROMOTIONS, Duration.ZERO), Duration.ofSeconds(30), 100, Duration.ofSeconds(1),
                Duration.ofSeconds(1), 0, 200, Duration.ofMillis(100)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("motel.cache.promotions.ttl");
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
        return Optional.of(offer);
    }
}
