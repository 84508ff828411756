package com.westbethel.motel.adapters.persistence.audit;

import java.time.Duration;
import java.util.OptionalInt;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread of a process that links the audit chain, so that no request waits on the chain's lock nor holds a pooled
 * connection for it. A commit that appended entries {@linkplain #signal() signals} it and returns at once; signals that
 * arrive while a pass is queued fold into that pass, and one pass links whatever every writer committed meanwhile. When
 * another process holds the chain (it is linking what it sees), the pass is tried again shortly after, so that an entry
 * committed after that process looked is not left for the worker's sweep. A pass that fails is logged: its entries stay
 * committed and unlinked, and the next pass or the worker's sweep links them.
 */
final class AuditChainLinker implements AutoCloseable {

    /** How soon a pass that found the chain held by another process is tried again. */
    static final Duration BUSY_RETRY = Duration.ofMillis(50);
    /** How long closing waits for the passes already signalled. */
    static final Duration DRAIN = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(AuditChainLinker.class);

    private final Supplier<OptionalInt> pass;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(work -> {
        Thread linker = new Thread(work, "audit-chain-linker");
        linker.setDaemon(true);
        return linker;
    });
    private final AtomicBoolean queued = new AtomicBoolean();

    /** @param pass links every committed entry it sees and says how many, or nothing when another process holds the chain */
    AuditChainLinker(Supplier<OptionalInt> pass) {
        this.pass = pass;
    }

    /** Entries were committed: a pass will link them. Never blocks. */
    void signal() {
        queue(Duration.ZERO);
    }

    private void queue(Duration after) {
        if (!queued.compareAndSet(false, true)) {
            return;
        }
        try {
            thread.schedule(this::run, after.toMillis(), TimeUnit.MILLISECONDS);
        } catch (RejectedExecutionException closing) {
            queued.set(false);
            log.warn("The audit linker is closed: entries committed now are linked by the worker's sweep");
        }
    }

    private void run() {
        queued.set(false);
        try {
            if (pass.get().isEmpty()) {
                queue(BUSY_RETRY);
            }
        } catch (RuntimeException failed) {
            log.warn("Linking the audit chain failed; the entries stay committed and unlinked until the next pass or the worker's sweep", failed);
        }
    }

    /** Runs the passes already signalled (a process that stops links what it committed), then stops the thread. */
    @Override
    public void close() {
        thread.shutdown();
        try {
            if (!thread.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("The audit linker did not finish within {}: the worker's sweep links what it left", DRAIN);
                thread.shutdownNow();
            }
        } catch (InterruptedException interrupted) {
            thread.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }
}
