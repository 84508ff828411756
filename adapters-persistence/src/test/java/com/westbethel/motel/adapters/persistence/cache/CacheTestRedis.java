package com.westbethel.motel.adapters.persistence.cache;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Set;
import java.util.UUID;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceClientConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

/** The real Redis for the cache's tests, each run under its own key prefix (Redis is shared: nothing is flushed). */
final class CacheTestRedis implements AutoCloseable {

    final String prefix = "test-cache-" + UUID.randomUUID();
    final LettuceConnectionFactory factory;
    final StringRedisTemplate redis;

    private CacheTestRedis(int port) {
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", port),
                LettuceClientConfiguration.builder().commandTimeout(Duration.ofMillis(500)).build());
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
    }

    static CacheTestRedis real() {
        return new CacheTestRedis(6379);
    }

    /** A Redis that is not there: a local port nothing listens on (it was free a moment ago). */
    static CacheTestRedis unreachable() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return new CacheTestRedis(socket.getLocalPort());
        }
    }

    CacheSettings settings() {
        return new CacheSettings(prefix, new EnumMap<>(MotelCache.class), Duration.ofSeconds(30), 10_000, Duration.ofMillis(200),
                Duration.ofSeconds(1), 30, 200, Duration.ofMillis(500));
    }

    @Override
    public void close() {
        try {
            Set<String> keys = redis.keys(prefix + ":*");
            if (keys != null && !keys.isEmpty()) {
                redis.delete(keys);
            }
        } catch (RuntimeException unreachable) {
            // The unreachable Redis holds nothing to clean.
        }
        factory.destroy();
    }
}
