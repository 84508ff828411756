package com.westbethel.motel.adapters.persistence.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work that must follow a commit but must not hold the committed transaction's connection while it runs, such as linking
 * the audit chain. A {@code TransactionSynchronization#afterCommit} still holds that connection until it returns, so a step
 * there that needs a transaction of its own would take a second connection while keeping the first: with every pooled
 * connection held by a thread waiting for another, the pool deadlocks. So the use case's caller opens a scope
 * ({@link TransactionalUseCases}, {@link DatabaseTransactions}) and the work queued in it runs once the use case returns, its
 * connection back in the pool, before the caller is answered. Outside a scope the work runs at once.
 *
 * <p>The work is a follow-up of something already committed: a failure is logged and does not fail the use case (whatever
 * it leaves undone, a worker job finishes).
 */
public final class AfterTransaction {

    private static final Logger log = LoggerFactory.getLogger(AfterTransaction.class);
    private static final ThreadLocal<List<Runnable>> QUEUED = new ThreadLocal<>();

    private AfterTransaction() {
    }

    /** Runs the work, then what it queued; a scope inside a scope queues into the outer one. */
    public static <T> T scope(Supplier<T> work) {
        if (QUEUED.get() != null) {
            return work.get();
        }
        List<Runnable> queued = new ArrayList<>();
        QUEUED.set(queued);
        try {
            return work.get();
        } finally {
            QUEUED.remove();
            queued.forEach(AfterTransaction::runSafely);
        }
    }

    /** Queues the work in the current scope, or runs it now when there is none. */
    public static void run(Runnable work) {
        List<Runnable> queued = QUEUED.get();
        if (queued == null) {
            runSafely(work);
        } else {
            queued.add(work);
        }
    }

    private static void runSafely(Runnable work) {
        try {
            work.run();
        } catch (RuntimeException failed) {
            log.warn("A step after commit failed; the worker will finish it: {}", failed.toString());
        }
    }
}
