package com.westbethel.motel.adapters.persistence.cache;

import com.westbethel.motel.adapters.persistence.booking.JdbcInventory;
import io.lettuce.core.RedisClient;
import java.time.Clock;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.cache.metrics.CacheMeterBinderProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The two-level cache of the inventory, for a deployable that serves reads (the API) or warms them (the worker); it needs
 * the booking area's persistence ({@code BookingPersistenceConfiguration}) and Redis. Its {@link CacheInvalidation} is the
 * {@code InventoryChanges} that the JDBC writers tell of every change.
 */
@Configuration(proxyBeanMethods = false)
public class CacheConfiguration implements DisposableBean {

    private final ThreadPoolExecutor nightsReloads = new ThreadPoolExecutor(1, 1, 0, TimeUnit.SECONDS, new ArrayBlockingQueue<>(1_000), runnable -> {
        Thread daemon = new Thread(runnable, "motel-cache-reload");
        daemon.setDaemon(true);
        return daemon;
    });

    @Override
    public void destroy() {
        nightsReloads.shutdownNow();
    }

    @Bean
    CacheSettings cacheSettings(Environment environment, JdbcClient jdbc) {
        CacheSettings configured = CacheSettings.from(environment);
        return configured.withKeyPrefix(CacheNamespace.of(configured.keyPrefix(), environment.getProperty("motel.cache.namespace", ""), jdbc));
    }

    /** Names this process in messages and in {@code cache stats}: the application's name and a random suffix. */
    @Bean
    CacheInstance cacheInstance(@Value("${spring.application.name:motel}") String application) {
        return new CacheInstance(application + "-" + UUID.randomUUID().toString().substring(0, 8));
    }

    /** @param name this process, among the replicas */
    public record CacheInstance(String name) {
    }

    @Bean(destroyMethod = "close")
    CacheRedis cacheRedis(LettuceConnectionFactory redis, CacheSettings settings) {
        return CacheRedis.from(redis, settings.commandTimeout());
    }

    @Bean
    SharedCacheStore sharedCacheStore(CacheRedis redis, CacheSettings settings) {
        return new SharedCacheStore(redis.template(), settings.keyPrefix());
    }

    @Bean
    TwoLevelCacheManager cacheManager(CacheSettings settings, SharedCacheStore shared) {
        return new TwoLevelCacheManager(settings, shared);
    }

    @Bean
    CacheMeterBinderProvider<TwoLevelCache> twoLevelCacheMeters() {
        return TwoLevelCacheMetrics::new;
    }

    @Bean
    CacheInvalidation cacheInvalidation(TwoLevelCacheManager caches, SharedCacheStore shared, CacheInstance instance) {
        return new CacheInvalidation(caches, shared, instance.name());
    }

    @Bean(initMethod = "start", destroyMethod = "close")
    CacheCoordinator cacheCoordinator(CacheRedis redis, SharedCacheStore shared, CacheInvalidation invalidation,
            TwoLevelCacheManager caches, CacheSettings settings, CacheInstance instance) {
        return new CacheCoordinator(() -> (RedisClient) redis.factory().getNativeClient(), shared, invalidation, caches, settings, instance.name());
    }

    /** Also reloads the nights a change dropped, on one thread of its own with a bounded queue (a reload may be skipped). */
    @Bean
    CachingInventory cachingInventory(JdbcInventory inventory, TwoLevelCacheManager caches, CacheInvalidation invalidation) {
        CachingInventory cached = new CachingInventory(inventory, caches);
        invalidation.reloadNightsWith(cached::reloadNights, nightsReloads);
        return cached;
    }

    @Bean
    CacheWarmer cacheWarmer(CachingInventory inventory, CacheInvalidation invalidation, CacheSettings settings, Clock clock) {
        return new CacheWarmer(inventory, invalidation, settings, clock);
    }
}
