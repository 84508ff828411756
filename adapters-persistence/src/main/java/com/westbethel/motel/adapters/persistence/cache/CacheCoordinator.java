package com.westbethel.motel.adapters.persistence.cache;

import io.lettuce.core.RedisClient;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps this process's L1 lean and in step with the other replicas, on one background thread: listens on the Redis channel
 * for their invalidations, acknowledging each; sends itself a heartbeat on the channel, so that it knows whether it hears it
 * ({@link CacheInvalidation#listening()}: only then does L1 answer without asking Redis); tries Redis again while it is
 * unreachable; and publishes this process's counts for
 * {@code motel-admin cache stats}. Whenever the subscription is made again (Lettuce reconnects after an outage) or Redis
 * answers again after this process found it down, messages may have been missed: L1 is cleared wholesale then.
 */
public class CacheCoordinator implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(CacheCoordinator.class);

    private final Supplier<RedisClient> redisClient;
    private final SharedCacheStore shared;
    private final CacheInvalidation invalidation;
    private final TwoLevelCacheManager caches;
    private final CacheSettings settings;
    private final String instance;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread daemon = new Thread(runnable, "motel-cache-coordinator");
        daemon.setDaemon(true);
        return daemon;
    });
    private final AtomicBoolean subscribedOnce = new AtomicBoolean();
    private volatile StatefulRedisPubSubConnection<String, String> subscription;

    public CacheCoordinator(Supplier<RedisClient> redisClient, SharedCacheStore shared, CacheInvalidation invalidation, TwoLevelCacheManager caches,
            CacheSettings settings, String instance) {
        this.redisClient = redisClient;
        this.shared = shared;
        this.invalidation = invalidation;
        this.caches = caches;
        this.settings = settings;
        this.instance = instance;
    }

    /** Subscribes now (so that a replica hears invalidations from its first request), then keeps at it in the background. */
    public void start() {
        subscribe();
        awaitOwnHeartbeat();
        long retry = settings.retryInterval().toMillis();
        thread.scheduleWithFixedDelay(this::keepInStep, retry, retry, TimeUnit.MILLISECONDS);
        long heartbeat = CacheInvalidation.HEARTBEAT_INTERVAL.toMillis();
        thread.scheduleWithFixedDelay(this::heartbeat, 0, heartbeat, TimeUnit.MILLISECONDS);
        long stats = settings.statsInterval().toMillis();
        thread.scheduleWithFixedDelay(this::publishCounts, 0, stats, TimeUnit.MILLISECONDS);
    }

    private void keepInStep() {
        try {
            if (subscription == null) {
                subscribe();
            }
            // Probed every round, not only after a failure: a process answering everything from L1 would not notice otherwise.
            if (shared.probe()) {
                invalidation.clearLocally();
                invalidation.redisBack();
            }
        } catch (RuntimeException e) {
            log.debug("Cache coordination failed this round: {}", e.getMessage());
        }
    }

    private synchronized void subscribe() {
        if (subscription != null) {
            return;
        }
        StatefulRedisPubSubConnection<String, String> connection = null;
        try {
            connection = redisClient.get().connectPubSub();
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    invalidation.received(message);
                }

                @Override
                public void subscribed(String channel, long count) {
                    if (!subscribedOnce.compareAndSet(false, true)) {
                        log.info("Cache invalidations heard again after a break: clearing this process's L1, which may have missed some");
                        invalidation.clearLocally();
                    }
                }
            });
            connection.sync().subscribe(shared.channel());
            subscription = connection;
        } catch (RuntimeException e) {
            if (connection != null) {
                // Connected but not subscribed (the command timed out): closed, or each retry would leave one behind.
                connection.close();
            }
            // Redis unreachable: tried again every retry interval; SharedCacheStore logs the outage once.
            log.debug("Cache invalidation channel not subscribed yet: {}", e.getMessage());
        }
    }

    /**
     * Hears its first heartbeat before the process warms its L1 and takes traffic: heard later, it would clear what was warmed
     * meanwhile (invalidations may have been missed before it). Gives up after a few heartbeats' time (Redis down or slow):
     * reads then check versions until the heartbeat is heard.
     */
    private void awaitOwnHeartbeat() {
        if (subscription == null) {
            return;
        }
        heartbeat();
        long deadline = System.nanoTime() + CacheInvalidation.HEARTBEAT_LOST.toNanos();
        while (!invalidation.listening() && System.nanoTime() < deadline) {
            LockSupport.parkNanos(TimeUnit.MILLISECONDS.toNanos(1));
        }
    }

    /** A message to itself: while this process hears it, it hears every invalidation, and its L1 may answer alone. */
    private void heartbeat() {
        try {
            shared.announce(CacheInvalidation.message(instance, CacheInvalidation.HEARTBEAT, List.of()));
        } catch (RuntimeException e) {
            log.debug("Cache heartbeat not sent: {}", e.getMessage());
        }
    }

    /** This process's counts per cache: L1 hits, L2 hits, loads, L1 size. */
    Map<String, String> counts() {
        Map<String, String> counts = new LinkedHashMap<>();
        caches.all().forEach(cache -> counts.put(cache.getName(), "%d %d %d %d".formatted(cache.localHits(), cache.sharedHits(), cache.misses(),
                cache.size())));
        return counts;
    }

    private void publishCounts() {
        try {
            shared.publishCounts(instance, counts(), settings.statsInterval());
        } catch (RuntimeException e) {
            log.debug("Cache counts not published: {}", e.getMessage());
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        StatefulRedisPubSubConnection<String, String> connection = subscription;
        if (connection != null) {
            connection.close();
        }
        // After the subscription is closed: a heartbeat still arriving before that would count as heard.
        invalidation.stopListening();
    }
}
