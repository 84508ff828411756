package com.westbethel.motel.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.benmanes.caffeine.cache.Cache;
import com.westbethel.motel.adapters.persistence.cache.CacheCoordinator;
import com.westbethel.motel.adapters.persistence.cache.CacheInvalidation;
import com.westbethel.motel.adapters.persistence.cache.CacheNamespace;
import com.westbethel.motel.adapters.persistence.cache.CacheSettings;
import com.westbethel.motel.adapters.persistence.cache.MotelCache;
import com.westbethel.motel.adapters.persistence.cache.SharedCacheStore;
import com.westbethel.motel.adapters.persistence.cache.TwoLevelCache;
import com.westbethel.motel.adapters.persistence.cache.TwoLevelCacheManager;
import com.westbethel.motel.domain.booking.Promotion;
import io.lettuce.core.RedisClient;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** motel-admin cache against the real Redis, with one running replica's cache beside it (under a key prefix of this test's own). */
class CacheCommandIT {

    private static final String DATABASE = System.getenv().getOrDefault("MOTEL_TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/motel_test");

    private final String configuredPrefix = "test-cli-cache-" + UUID.randomUUID();
    /** As the tool names the cache: the configured prefix, then the database's namespace. */
    private final String prefix = CacheNamespace.of(configuredPrefix, JdbcClient.create(new DriverManagerDataSource(DATABASE, "motel", "motel")));
    private LettuceConnectionFactory factory;
    private StringRedisTemplate redis;
    private CacheCoordinator replica;
    private TwoLevelCache promotions;

    @BeforeEach
    void aReplicaWithOnePromotionCached() {
        factory = new LettuceConnectionFactory(new RedisStandaloneConfiguration("127.0.0.1", 6379));
        factory.afterPropertiesSet();
        factory.start();
        redis = new StringRedisTemplate(factory);
        CacheSettings settings = new CacheSettings(prefix, Map.of(), Duration.ofSeconds(30), 100, Duration.ofMillis(200), Duration.ofSeconds(1), 0, 200, Duration.ofMillis(100));
        SharedCacheStore shared = new SharedCacheStore(redis, prefix);
        TwoLevelCacheManager caches = new TwoLevelCacheManager(settings, shared);
        CacheInvalidation invalidation = new CacheInvalidation(caches, shared, "motel-api-test");
        // Started first, as in a process: entries loaded before it heard its channel would be dropped when it first does.
        replica = new CacheCoordinator(() -> (RedisClient) factory.getNativeClient(), shared, invalidation, caches, settings, "motel-api-test");
        replica.start();
        promotions = caches.cache(MotelCache.PROMOTIONS);
        promotions.getOrLoad("WELCOME10", () -> Optional.of(new Promotion(UUID.randomUUID(), "WELCOME10", Promotion.Kind.PERCENT, BigDecimal.TEN,
                LocalDate.of(2033, 1, 1), LocalDate.of(2034, 1, 1), Optional.empty(), 1, 1)));
    }

    @AfterEach
    void cleanUp() {
        replica.close();
        Set<String> keys = redis.keys(prefix + ":*");
        if (keys != null && !keys.isEmpty()) {
            redis.delete(keys);
        }
        factory.destroy();
    }

    private Map<String, Object> settings() {
        return Map.of("motel.cache.key-prefix", configuredPrefix, "spring.datasource.url", DATABASE);
    }

    @Test
    void stats_show_the_keys_in_redis_and_each_running_replicas_own_counts() throws Exception {
        // The replica's counts as published after the promotion was kept (L1 hits, L2 hits, misses, L1 size), not a round before.
        await().atMost(Duration.ofSeconds(5))
                .until(() -> "0 0 1 1".equals(redis.<String, String>opsForHash().get(prefix + ":replicas:motel-api-test", "promotions")));

        CliRun run = CliRun.of(settings(), "cache", "stats", "--json");

        assertThat(run.exitCode()).as(run.err()).isZero();
        JsonNode rows = JsonMapper.builder().build().readTree(run.out());
        assertThat(rows).hasSize(MotelCache.values().length);
        JsonNode row = rows.valueStream().filter(line -> line.path("cache").asString().equals("promotions")).findFirst().orElseThrow();
        assertThat(row.path("l2Keys").asLong()).isEqualTo(1);
        assertThat(row.path("replica").asString()).isEqualTo("motel-api-test");
        assertThat(row.path("misses").asLong()).isEqualTo(1);
        assertThat(row.path("l1Size").asLong()).isEqualTo(1);
        assertThat(CliRun.of(settings(), "cache", "stats").out()).contains("L2 KEYS").contains("motel-api-test");
    }

    @Test
    void evict_empties_a_cache_in_redis_and_in_every_replicas_memory() {
        CliRun run = CliRun.of(settings(), "cache", "evict", "promotions");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Evicted promotions");
        assertThat(redis.hasKey(prefix + ":promotions:v2:WELCOME10")).isFalse();
        await().atMost(Duration.ofSeconds(5)).until(() -> ((Cache<?, ?>) promotions.getNativeCache()).estimatedSize() == 0);
    }

    @Test
    void evict_without_a_name_empties_every_cache() {
        CliRun run = CliRun.of(settings(), "cache", "evict");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains(String.join(", ", List.of("availability", "room-types", "rate-plans", "promotions", "properties")));
        await().atMost(Duration.ofSeconds(5)).until(() -> ((Cache<?, ?>) promotions.getNativeCache()).estimatedSize() == 0);
    }

    @Test
    void an_unknown_cache_is_a_usage_error_naming_the_caches() {
        CliRun run = CliRun.of(settings(), "cache", "evict", "bookings");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no cache is named 'bookings'").contains("availability, room-types");
        assertThat(redis.hasKey(prefix + ":promotions:v2:WELCOME10")).isTrue();
    }

    @Test
    void with_redis_unreachable_the_command_fails_in_one_line() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }

        CliRun run = CliRun.of(Map.of("motel.cache.key-prefix", configuredPrefix, "spring.datasource.url", DATABASE, "spring.data.redis.port", closed), "cache", "evict");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err().lines()).last().asString().startsWith("motel-admin: Redis at 127.0.0.1:" + closed + " is unreachable");
    }
}
