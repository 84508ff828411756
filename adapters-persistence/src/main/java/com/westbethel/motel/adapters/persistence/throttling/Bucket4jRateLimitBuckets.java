package com.westbethel.motel.adapters.persistence.throttling;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.westbethel.motel.application.throttling.port.out.RateLimitBuckets;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.distributed.ExpirationAfterWriteStrategy;
import io.github.bucket4j.distributed.proxy.ProxyManager;
import io.github.bucket4j.redis.lettuce.Bucket4jLettuce;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.codec.ByteArrayCodec;
import io.lettuce.core.codec.RedisCodec;
import io.lettuce.core.codec.StringCodec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Token buckets shared by every replica, kept in Redis by Bucket4j (compare-and-swap over Lettuce).
 * While Redis cannot be reached each replica counts in its own in-process buckets, so limits still
 * hold, only per replica, and Redis is tried again after a pause (docs/architecture.md §4).
 */
public class Bucket4jRateLimitBuckets implements RateLimitBuckets, AutoCloseable {

    private static final Duration REDIS_TIMEOUT = Duration.ofMillis(500);
    private static final Duration REDIS_RETRY_PAUSE = Duration.ofSeconds(5);
    private static final Logger log = LoggerFactory.getLogger(Bucket4jRateLimitBuckets.class);

    private final Supplier<RedisClient> redisClient;
    private final Clock clock;
    private final Cache<String, Bucket> localBuckets = Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofHours(1)).build();
    private final AtomicReference<Instant> redisPausedUntil = new AtomicReference<>(Instant.MIN);
    private StatefulRedisConnection<String, byte[]> connection;
    private ProxyManager<String> redisBuckets;

    /** @param redisClient the Lettuce client, asked for only when Redis is first needed */
    public Bucket4jRateLimitBuckets(Supplier<RedisClient> redisClient, Clock clock) {
        this.redisClient = redisClient;
        this.clock = clock;
    }

    @Override
    public Probe tryConsume(String key, Limit limit) {
        if (clock.instant().isAfter(redisPausedUntil.get())) {
            try {
                return probe(redisBuckets().builder().build(key, () -> configuration(limit)).tryConsumeAndReturnRemaining(1));
            } catch (RuntimeException e) {
                Instant until = clock.instant().plus(REDIS_RETRY_PAUSE);
                redisPausedUntil.set(until);
                log.warn("Redis unavailable for rate limits, counting in this process until {}: {}", until, e.getMessage());
            }
        }
        Bucket local = localBuckets.get(key + "|" + limit, ignored -> Bucket.builder().addLimit(bandwidth(limit)).build());
        return probe(local.tryConsumeAndReturnRemaining(1));
    }

    private synchronized ProxyManager<String> redisBuckets() {
        if (redisBuckets == null) {
            connection = redisClient.get().connect(RedisCodec.of(StringCodec.UTF8, ByteArrayCodec.INSTANCE));
            redisBuckets = Bucket4jLettuce.casBasedBuilder(connection)
                    .requestTimeout(REDIS_TIMEOUT)
                    .expirationAfterWrite(ExpirationAfterWriteStrategy.basedOnTimeForRefillingBucketUpToMax(Duration.ofSeconds(10)))
                    .build();
        }
        return redisBuckets;
    }

    private static BucketConfiguration configuration(Limit limit) {
        return BucketConfiguration.builder().addLimit(bandwidth(limit)).build();
    }

    private static Bandwidth bandwidth(Limit limit) {
        return Bandwidth.builder().capacity(limit.capacity()).refillGreedy(limit.capacity(), limit.period()).build();
    }

    private static Probe probe(ConsumptionProbe probe) {
        return new Probe(probe.isConsumed(), Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }

    @Override
    public synchronized void close() {
        if (connection != null) {
            connection.close();
        }
    }
}
