package com.westbethel.motel.adapters.persistence.cache;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The shared store against the real Redis: what makes it believe Redis is down, and what must not. */
class SharedCacheStoreIT {

    /**
     * A command cut short because the calling thread was interrupted (the coordinator's executor shut down, as a closing
     * context or a test that closes one does) failed for that thread's reason, not Redis's: the store still takes Redis as
     * up. It was marked down, and with no coordinator left to probe it, that replica served from memory alone from then on.
     */
    @Test
    void a_command_cut_short_by_the_callers_own_interrupt_does_not_mark_redis_down() {
        try (CacheTestRedis redis = CacheTestRedis.real()) {
            SharedCacheStore store = new SharedCacheStore(redis.redis, redis.prefix);

            long interruptedAnswer;
            Thread.currentThread().interrupt();
            try {
                interruptedAnswer = store.announce("interrupted");
            } finally {
                Thread.interrupted();
            }

            assertThat(interruptedAnswer).as("the interrupted command failed").isEqualTo(-1);
            assertThat(store.available()).as("Redis is still taken as up").isTrue();
            assertThat(store.announce("after")).as("and the next command reaches it").isGreaterThanOrEqualTo(0);
        }
    }

    @Test
    void a_redis_that_does_not_answer_is_marked_down() throws Exception {
        try (CacheTestRedis away = CacheTestRedis.unreachable()) {
            SharedCacheStore store = new SharedCacheStore(away.redis, away.prefix);

            assertThat(store.announce("nobody")).isEqualTo(-1);
            assertThat(store.available()).isFalse();
        }
    }
}
