package com.westbethel.motel.adapters.persistence.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.github.benmanes.caffeine.cache.Cache;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.stay.Stay;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/** Which entries a change drops, when, and what the other replicas are told; Redis played in memory. */
class CacheInvalidationTest {

    private static final PropertyId MOTEL = new PropertyId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    private static final LocalDate JUNE_1 = LocalDate.of(2033, 6, 1);

    private final InMemorySharedCacheStore redis = new InMemorySharedCacheStore();
    private final TwoLevelCacheManager caches = new TwoLevelCacheManager(new CacheSettings("test", Map.of(), Duration.ofSeconds(30), 100,
            Duration.ofSeconds(1), Duration.ofSeconds(1), 30, 200, Duration.ofMillis(100)), redis);
    private final CacheInvalidation invalidation = new CacheInvalidation(caches, redis, "this-replica");

    @AfterEach
    void noTransactionLeftOpen() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.clearSynchronization();
        }
    }

    @Test
    void a_change_is_answered_only_once_the_replicas_that_heard_it_have_dropped_the_entries() {
        TwoLevelCacheManager otherCaches = new TwoLevelCacheManager(caches.settings(), redis);
        CacheInvalidation other = new CacheInvalidation(otherCaches, redis, "other-replica");
        TwoLevelCache otherPromotions = otherCaches.cache(MotelCache.PROMOTIONS);
        otherPromotions.getOrLoad("WELCOME10", () -> Optional.of(new Promotion(UUID.randomUUID(), "WELCOME10", Promotion.Kind.PERCENT,
                BigDecimal.TEN, JUNE_1, JUNE_1.plusYears(1), Optional.empty(), 1, 1)));
        assertThat(((Cache<?, ?>) otherPromotions.getNativeCache()).estimatedSize()).isEqualTo(1);
        redis.subscribers.add(other);

        // The message reaches the other replica 20 ms after it is sent: the change must not be answered before that.
        invalidation.promotionChanged("welcome10");

        assertThat(((Cache<?, ?>) otherPromotions.getNativeCache()).asMap()).as("the other replica's memory when the change is answered").isEmpty();
        other.close();
    }

    @Test
    void a_booking_drops_the_nights_it_covers_and_announces_them_to_the_other_replicas() {
        invalidation.nightsChanged(MOTEL, JUNE_1, JUNE_1.plusDays(2));

        assertThat(redis.generations).containsOnlyKeys("availability:" + MOTEL.value() + ":2033-06-01", "availability:" + MOTEL.value() + ":2033-06-02");
        assertThat(redis.announced).containsExactly(CacheInvalidation.message("this-replica", "availability",
                List.of(MOTEL.value() + ":2033-06-01", MOTEL.value() + ":2033-06-02")));
    }

    @Test
    void inside_a_transaction_nothing_is_dropped_before_commit_and_nothing_at_all_after_a_rollback() {
        List<TransactionSynchronization> synchronizations = inATransaction(() -> {
            invalidation.nightsChanged(MOTEL, JUNE_1, JUNE_1.plusDays(1));
            invalidation.promotionChanged("welcome10");
            assertThat(CacheInvalidation.pendingInThisTransaction()).isTrue();
        });
        assertThat(redis.announced).isEmpty();

        synchronizations.forEach(synchronization -> synchronization.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        assertThat(redis.announced).isEmpty();
        assertThat(CacheInvalidation.pendingInThisTransaction()).isFalse();

        inATransaction(() -> invalidation.promotionChanged("welcome10"))
                .forEach(synchronization -> synchronization.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        assertThat(redis.announced).containsExactly(CacheInvalidation.message("this-replica", "promotions", List.of("WELCOME10")));
    }

    @Test
    void a_whole_cache_dropped_in_a_transaction_covers_the_keys_dropped_before_it() {
        inATransaction(() -> {
            invalidation.nightsChanged(MOTEL, JUNE_1, JUNE_1.plusDays(1));
            invalidation.roomsChanged();
        }).forEach(synchronization -> synchronization.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));

        assertThat(redis.announced).containsExactly(CacheInvalidation.message("this-replica", "availability", List.of()));
        assertThat(invalidation.clears()).isEqualTo(1);
    }

    @Test
    void another_replicas_message_drops_those_keys_here_and_this_replicas_own_echo_is_ignored() {
        TwoLevelCache promotions = caches.cache(MotelCache.PROMOTIONS);
        promotions.getOrLoad("WELCOME10", Optional::empty);
        promotions.getOrLoad("SPRING", Optional::empty);

        invalidation.received(CacheInvalidation.message("this-replica", "promotions", List.of("WELCOME10")));
        assertThat(promotions.size()).isEqualTo(2);

        invalidation.received(CacheInvalidation.message("other-replica", "promotions", List.of("WELCOME10")));
        assertThat(promotions.size()).isEqualTo(1);

        invalidation.received(CacheInvalidation.message("other-replica", "promotions", List.of()));
        assertThat(promotions.size()).isZero();
    }

    @Test
    void evictions_redis_missed_are_done_there_as_whole_caches_when_it_is_back() {
        redis.down = true;
        invalidation.nightsChanged(MOTEL, JUNE_1, JUNE_1.plusDays(1));
        redis.down = false;

        invalidation.redisBack();

        assertThat(redis.generations).containsEntry("availability", 1L);
        assertThat(redis.announced).containsExactly(CacheInvalidation.message("this-replica", "availability", List.of()));
    }

    @Test
    void evicting_through_springs_cache_interface_drops_the_entry_everywhere_too() {
        caches.getCache("promotions").evict("WELCOME10");
        caches.getCache("rate-plans").clear();

        assertThat(redis.announced).containsExactly(CacheInvalidation.message("this-replica", "promotions", List.of("WELCOME10")),
                CacheInvalidation.message("this-replica", "rate-plans", List.of()));
    }

    @Test
    void the_nights_a_committed_change_dropped_are_read_again_and_those_of_a_rolled_back_one_are_not() {
        List<Stay> reloaded = new ArrayList<>();
        invalidation.reloadNightsWith((property, nights) -> reloaded.add(nights), Runnable::run);

        inATransaction(() -> invalidation.nightsChanged(MOTEL, JUNE_1, JUNE_1.plusDays(2)))
                .forEach(synchronization -> synchronization.afterCompletion(TransactionSynchronization.STATUS_ROLLED_BACK));
        assertThat(reloaded).isEmpty();

        inATransaction(() -> invalidation.nightsChanged(MOTEL, JUNE_1, JUNE_1.plusDays(2)))
                .forEach(synchronization -> synchronization.afterCompletion(TransactionSynchronization.STATUS_COMMITTED));
        assertThat(reloaded).containsExactly(new Stay(JUNE_1, JUNE_1.plusDays(2)));
    }

    @Test
    void a_reload_that_fails_drops_nothing_more_and_throws_nothing_at_the_committing_caller() {
        invalidation.reloadNightsWith((property, nights) -> {
            throw new IllegalStateException("PostgreSQL is restarting");
        }, Runnable::run);

        List<TransactionSynchronization> committed = inATransaction(() -> invalidation.nightsChanged(MOTEL, JUNE_1, JUNE_1.plusDays(2)));

        assertThatCode(() -> committed.forEach(synchronization -> synchronization.afterCompletion(TransactionSynchronization.STATUS_COMMITTED)))
                .doesNotThrowAnyException();
        assertThat(redis.announced).containsExactly(CacheInvalidation.message("this-replica", "availability",
                List.of(CachingInventory.nightKey(MOTEL, JUNE_1), CachingInventory.nightKey(MOTEL, JUNE_1.plusDays(1)))));
    }

    @Test
    void a_room_closed_for_ever_drops_the_whole_availability_cache_at_once_and_reads_back_only_the_warmed_horizon() {
        List<Stay> reloaded = new ArrayList<>();
        invalidation.reloadNightsWith((property, nights) -> reloaded.add(nights), Runnable::run);

        invalidation.nightsChanged(MOTEL, JUNE_1, LocalDate.of(9999, 12, 31));

        assertThat(redis.generations).containsOnlyKeys("availability");
        assertThat(redis.announced).containsExactly(CacheInvalidation.message("this-replica", "availability", List.of()));
        assertThat(reloaded).containsExactly(Stay.of(JUNE_1, 30));
    }

    @Test
    void a_change_whose_commit_outcome_is_unknown_is_evicted_as_if_committed() {
        inATransaction(() -> invalidation.promotionChanged("welcome10"))
                .forEach(synchronization -> synchronization.afterCompletion(TransactionSynchronization.STATUS_UNKNOWN));

        assertThat(redis.announced).containsExactly(CacheInvalidation.message("this-replica", "promotions", List.of("WELCOME10")));
    }

    private static List<TransactionSynchronization> inATransaction(Runnable work) {
        TransactionSynchronizationManager.initSynchronization();
        work.run();
        List<TransactionSynchronization> synchronizations = TransactionSynchronizationManager.getSynchronizations();
        TransactionSynchronizationManager.clearSynchronization();
        return synchronizations;
    }
}
