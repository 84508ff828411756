package com.westbethel.motel.adapters.persistence.cache;

import com.westbethel.motel.adapters.persistence.booking.InventoryChanges;
import com.westbethel.motel.adapters.persistence.support.AfterConnectionRelease;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.stay.Stay;
import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.EnumSet;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;
import java.util.function.BiConsumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Which entries a change makes stale, and dropping them everywhere once the change is committed: in Redis (raising their
 * versions and deleting them), then in this process's L1, and in every other replica's L1 through a message on the Redis
 * channel. The change's answer waits (at most the command timeout) until every process that received the message has
 * acknowledged it, so the next read on any replica misses the old entry.
 *
 * <p>A replica answers from L1 without asking Redis only while it hears its own heartbeat on the channel ({@link
 * #listening()}): then it hears every invalidation. Otherwise (the subscription lost, silently or not, Redis down) reads
 * check each entry's version in Redis, or fall back to short lifetimes; when the heartbeat is heard again after a gap,
 * L1 is cleared, since messages may have been missed. Inside a transaction the entries are gathered and dropped after
 * commit (nothing for a rollback); meanwhile that
 * transaction's own reads bypass the cache, so it neither sees stale entries nor stores what it has not committed. Without
 * a transaction they are dropped at once.
 *
 * <p>When Redis cannot be reached the L2 part is remembered and done when it is back ({@link #redisBack()}), since Redis
 * may still hold the entries; the other replicas, unable to hear of it, hold their L1 entries no longer than the fallback
 * lifetime, and clear L1 when they reach Redis again.
 */
public class CacheInvalidation implements InventoryChanges {

    private static final Logger log = LoggerFactory.getLogger(CacheInvalidation.class);
    private static final String NONCE = "#";
    private static final long ACKNOWLEDGEMENT_POLL = Duration.ofMillis(1).toNanos() / 2;
    private static final String EVERY_KEY = "*";
    /** The pseudo-cache of the heartbeat messages each process sends itself ({@link CacheCoordinator}). */
    static final String HEARTBEAT = "heartbeat";
    /** How often a process sends itself a heartbeat, and how long without one before it stops trusting L1 alone. */
    static final Duration HEARTBEAT_INTERVAL = Duration.ofMillis(200);
    static final Duration HEARTBEAT_LOST = HEARTBEAT_INTERVAL.multipliedBy(3);

    private final TwoLevelCacheManager caches;
    private final SharedCacheStore shared;
    private final String instance;
    private final Set<MotelCache> missedInRedis = EnumSet.noneOf(MotelCache.class);
    private final AtomicLong invalidations = new AtomicLong();
    private final AtomicLong clears = new AtomicLong();
    private final ExecutorService acknowledgements = Executors.newSingleThreadExecutor(runnable -> {
        Thread daemon = new Thread(runnable, "motel-cache-acknowledgements");
        daemon.setDaemon(true);
        return daemon;
    });
    /** When this process last heard its own heartbeat (System.nanoTime), or none yet. */
    private final AtomicLong heartbeatHeard = new AtomicLong(Long.MIN_VALUE);
    private volatile BiConsumer<PropertyId, Stay> nightsReload = (property, nights) -> {
    };
    private volatile Executor reloads = Runnable::run;

    public CacheInvalidation(TwoLevelCacheManager caches, SharedCacheStore shared, String instance) {
        this.caches = caches;
        this.shared = shared;
        this.instance = instance;
        caches.all().forEach(cache -> cache.invalidateThrough(this));
    }

    /**
     * Drops the nights' free rooms, and reads them again afterwards. A change of more nights than the warmed horizon and a
     * month (a room closed "until 2099") drops the whole availability cache instead, one generation raised rather than a
     * key per night; and no more than the warmed horizon is read again.
     */
    @Override
    public void nightsChanged(PropertyId property, LocalDate from, LocalDate until) {
        int horizon = caches.settings().warmDays();
        long count = ChronoUnit.DAYS.between(from, until);
        if (count > horizon + 31L) {
            evict(MotelCache.AVAILABILITY, List.of());
        } else {
            List<String> nights = new ArrayList<>();
            for (LocalDate night = from; night.isBefore(until); night = night.plusDays(1)) {
                nights.add(CachingInventory.nightKey(property, night));
            }
            evict(MotelCache.AVAILABILITY, nights);
        }
        if (horizon > 0 && count > 0) {
            Stay reloaded = new Stay(from, count > horizon ? from.plusDays(horizon) : until);
            afterEviction(() -> nightsReload.accept(property, reloaded));
        }
    }

    @Override
    public void roomsChanged() {
        evict(MotelCache.AVAILABILITY, List.of());
    }

    @Override
    public void roomTypesChanged() {
        evict(MotelCache.ROOM_TYPES, List.of());
    }

    @Override
    public void ratePlansChanged() {
        evict(MotelCache.RATE_PLANS, List.of());
    }

    @Override
    public void propertiesChanged() {
        evict(MotelCache.PROPERTIES, List.of());
    }

    @Override
    public void promotionChanged(String code) {
        evict(MotelCache.PROMOTIONS, List.of(Promotion.normalise(code)));
    }

    /**
     * Reads the nights a change dropped again once they are dropped everywhere, on {@code executor}, so that the next
     * search on any replica finds them in Redis rather than in PostgreSQL (a booking would otherwise cost the next
     * searches of its nights a miss each). The reload follows the cache's own rules: should another change come in the
     * meantime, its answer is not kept.
     */
    public void reloadNightsWith(BiConsumer<PropertyId, Stay> reload, Executor executor) {
        this.nightsReload = reload;
        this.reloads = executor;
    }

    /** Whether the current transaction has changed something cached: its reads then bypass the cache. */
    static boolean pendingInThisTransaction() {
        return TransactionSynchronizationManager.isSynchronizationActive() && TransactionSynchronizationManager.hasResource(Pending.class);
    }

    /** Drops the keys of the cache (every key when none is named) everywhere, after the current transaction commits. */
    void evict(MotelCache cache, List<String> keys) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            apply(Map.of(cache, new LinkedHashSet<>(keys)));
            return;
        }
        pending().add(cache, keys);
    }

    /** Runs {@code task} (on the reload executor) once the evictions gathered so far are done: after commit, or at once. */
    private void afterEviction(Runnable task) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            reload(task);
            return;
        }
        pending().afterwards.add(task);
    }

    private Pending pending() {
        Pending pending = (Pending) TransactionSynchronizationManager.getResource(Pending.class);
        if (pending == null) {
            pending = new Pending();
            TransactionSynchronizationManager.bindResource(Pending.class, pending);
            TransactionSynchronizationManager.registerSynchronization(pending);
        }
        return pending;
    }

    /**
     * A reload only saves the next reader a miss: it is skipped when too many wait already, and one that fails (PostgreSQL
     * restarting) is logged and dropped, never thrown at the committing caller or left to kill the reloading thread.
     */
    private void reload(Runnable task) {
        try {
            reloads.execute(() -> {
                try {
                    task.run();
                } catch (RuntimeException failed) {
                    log.warn("Could not read changed nights back into the availability cache; the next search reads them: {}", failed.toString());
                }
            });
        } catch (RejectedExecutionException busy) {
            // skipped: see above
        }
    }

    /** Entries gathered in one transaction: an empty set stands for the whole cache. */
    private final class Pending implements TransactionSynchronization {

        private final Map<MotelCache, Set<String>> entries = new EnumMap<>(MotelCache.class);
        private final List<Runnable> afterwards = new ArrayList<>();

        void add(MotelCache cache, List<String> keys) {
            Set<String> gathered = entries.computeIfAbsent(cache, ignored -> new LinkedHashSet<>(keys));
            if (keys.isEmpty()) {
                gathered.clear();
            } else if (!gathered.isEmpty()) {
                gathered.addAll(keys);
            }
        }

        @Override
        public void afterCompletion(int status) {
            TransactionSynchronizationManager.unbindResourceIfPossible(Pending.class);
            // An unknown outcome (the connection lost during COMMIT) may have committed: evicting costs a reload at most.
            if (status != STATUS_ROLLED_BACK) {
                // Before the caller is answered, but not holding the transaction's connection while Redis is asked.
                AfterConnectionRelease.run(() -> {
                    apply(entries);
                    afterwards.forEach(CacheInvalidation.this::reload);
                });
            }
        }
    }

    private void apply(Map<MotelCache, Set<String>> entries) {
        entries.forEach((cache, keys) -> {
            counted(keys);
            // Redis first: a read here between the two would otherwise find the old entry there and keep it again.
            if (!shared.invalidate(cache.cacheName(), keys, caches.cache(cache).lifetime())) {
                synchronized (missedInRedis) {
                    missedInRedis.add(cache);
                }
            }
            caches.cache(cache).evictLocally(keys);
            String nonce = UUID.randomUUID().toString();
            // Every receiver acknowledges, this process too when it is one: the count Redis gives is then exactly the count to await.
            long receivers = shared.announce(message(instance + NONCE + nonce, cache.cacheName(), keys));
            awaitAcknowledgements(nonce, receivers);
        });
    }

    /**
     * Waits until every process that received the invalidation has done it (this one acknowledges its own too), for at most
     * the command timeout: a replica that does not answer by then has stopped hearing the channel, and soon stops trusting
     * its L1 alone ({@link #listening()}).
     */
    private void awaitAcknowledgements(String nonce, long receivers) {
        if (receivers <= 0) {
            return;
        }
        long deadline = System.nanoTime() + caches.settings().commandTimeout().toNanos();
        while (shared.acknowledgements(nonce) < receivers && System.nanoTime() < deadline) {
            LockSupport.parkNanos(ACKNOWLEDGEMENT_POLL);
        }
    }

    /** Whether this process hears the channel now (its own heartbeat came lately), so that its L1 may answer alone. */
    public boolean listening() {
        long heard = heartbeatHeard.get();
        return heard != Long.MIN_VALUE && System.nanoTime() - heard < HEARTBEAT_LOST.toNanos();
    }

    /**
     * Drops every entry of the named caches (all of them when empty) in Redis and in every replica: what
     * {@code motel-admin cache evict} does, from a process that holds no L1 of its own.
     */
    public static void evictEverywhere(SharedCacheStore shared, List<MotelCache> caches, String sender) {
        List<String> evicted = new ArrayList<>();
        for (MotelCache cache : caches) {
            if (!shared.clear(cache.cacheName()) || shared.announce(message(sender, cache.cacheName(), List.of())) < 0) {
                throw new IllegalStateException(evicted.isEmpty() ? "Redis is unreachable: nothing was evicted"
                        : "Redis became unreachable: evicted %s; not evicted: %s".formatted(String.join(", ", evicted),
                                caches.subList(evicted.size(), caches.size()).stream().map(MotelCache::cacheName).collect(Collectors.joining(", "))));
            }
            evicted.add(cache.cacheName());
        }
    }

    /** Redis answers again: the L2 evictions it missed are done now, as whole caches (which keys is not known any more). */
    void redisBack() {
        List<MotelCache> missed;
        synchronized (missedInRedis) {
            missed = List.copyOf(missedInRedis);
            missedInRedis.clear();
        }
        missed.forEach(cache -> {
            log.info("Clearing the {} cache in Redis: changes made while it was unreachable could not evict their entries there", cache.cacheName());
            apply(Map.of(cache, Set.of()));
        });
    }

    /** A message on the channel: another replica's invalidation, done here in L1 (this process's own are done already). */
    void received(String message) {
        String[] lines = message.split("\n");
        if (lines.length < 2) {
            return;
        }
        int nonceAt = lines[0].indexOf(NONCE);
        String sender = nonceAt < 0 ? lines[0] : lines[0].substring(0, nonceAt);
        if (lines[1].equals(HEARTBEAT)) {
            if (sender.equals(instance)) {
                heard();
            }
            return;
        }
        if (!sender.equals(instance)) {
            List<String> named = Arrays.asList(lines).subList(2, lines.length);
            List<String> keys = named.contains(EVERY_KEY) ? List.of() : named;
            counted(keys);
            MotelCache.named(lines[1]).ifPresent(cache -> caches.cache(cache).evictLocally(keys));
        }
        if (nonceAt >= 0) {
            // Not on the channel's own thread (Lettuce's event loop), which a blocking command there could stall.
            String nonce = lines[0].substring(nonceAt + NONCE.length());
            try {
                acknowledgements.execute(() -> shared.acknowledge(nonce));
            } catch (RejectedExecutionException closing) {
                // This process is closing: the sender stops waiting at its timeout.
            }
        }
    }

    /** Its own heartbeat, heard: after a gap (or at first), L1 is cleared, since invalidations may have been missed. */
    private void heard() {
        if (!listening()) {
            // Only this process's memory: not an invalidation (Redis holds nothing stale), so no storm for the worker to warm after.
            caches.all().forEach(cache -> cache.evictLocally(List.of()));
        }
        heartbeatHeard.set(System.nanoTime());
    }

    /** This process no longer hears the channel (its subscription closed): its L1 stops answering alone at once. */
    void stopListening() {
        heartbeatHeard.set(Long.MIN_VALUE);
    }

    /** Stops acknowledging (the process is closing). */
    public void close() {
        stopListening();
        acknowledgements.shutdownNow();
    }

    /** Drops everything in this process's L1: after an outage, when messages may have been missed. */
    void clearLocally() {
        counted(List.of());
        caches.all().forEach(cache -> cache.evictLocally(List.of()));
    }

    private void counted(Collection<String> keys) {
        invalidations.incrementAndGet();
        if (keys.isEmpty()) {
            clears.incrementAndGet();
        }
    }

    /** Invalidations done or heard so far, for the worker's warming after a storm. */
    long invalidations() {
        return invalidations.get();
    }

    /** Of those, the ones that dropped a whole cache. */
    long clears() {
        return clears.get();
    }

    /**
     * The sender (with {@code #} and a nonce to acknowledge it under, when the sender waits for that), the cache, then one key
     * a line, or {@code *} for every key.
     */
    static String message(String sender, String cache, Collection<String> keys) {
        return sender + "\n" + cache + "\n" + (keys.isEmpty() ? EVERY_KEY : String.join("\n", keys));
    }
}
