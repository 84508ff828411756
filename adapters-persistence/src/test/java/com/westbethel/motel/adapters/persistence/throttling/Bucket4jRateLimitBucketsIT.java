package com.westbethel.motel.adapters.persistence.throttling;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.throttling.port.out.RateLimitBuckets.Limit;
import com.westbethel.motel.application.throttling.port.out.RateLimitBuckets.Probe;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Buckets in the real Redis (database 1, so nothing else is disturbed), and what happens without it. */
class Bucket4jRateLimitBucketsIT {

    private static final Limit THREE_PER_MINUTE = new Limit(3, Duration.ofMinutes(1));

    private final RedisClient redis = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(6379).withDatabase(1)
            .withTimeout(Duration.ofMillis(500)).build());
    private final Bucket4jRateLimitBuckets replicaA = new Bucket4jRateLimitBuckets(() -> redis, Clock.systemUTC());
    private final Bucket4jRateLimitBuckets replicaB = new Bucket4jRateLimitBuckets(() -> redis, Clock.systemUTC());
    private final String key = "rate:LOGIN:address:" + UUID.randomUUID();

    @AfterEach
    void close() {
        replicaA.close();
        replicaB.close();
        redis.shutdown();
    }

    @Test
    void two_replicas_count_against_one_shared_bucket() {
        assertThat(replicaA.tryConsume(key, THREE_PER_MINUTE).consumed()).isTrue();
        assertThat(replicaB.tryConsume(key, THREE_PER_MINUTE).consumed()).isTrue();
        assertThat(replicaA.tryConsume(key, THREE_PER_MINUTE).consumed()).isTrue();

        Probe refused = replicaB.tryConsume(key, THREE_PER_MINUTE);

        assertThat(refused.consumed()).isFalse();
        assertThat(refused.retryAfter()).isPositive().isLessThanOrEqualTo(Duration.ofSeconds(20));
    }

    @Test
    void with_redis_unreachable_the_limit_still_holds_in_process() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        RedisClient unreachable = RedisClient.create(RedisURI.builder().withHost("127.0.0.1").withPort(closedPort)
                .withTimeout(Duration.ofMillis(300)).build());
        try (Bucket4jRateLimitBuckets isolated = new Bucket4jRateLimitBuckets(() -> unreachable, Clock.systemUTC())) {
            for (int i = 0; i < 3; i++) {
                assertThat(isolated.tryConsume(key, THREE_PER_MINUTE).consumed()).isTrue();
            }
            assertThat(isolated.tryConsume(key, THREE_PER_MINUTE).consumed()).isFalse();
        } finally {
            unreachable.shutdown();
        }
    }
}
