package com.westbethel.motel.adapters.persistence.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.aopalliance.intercept.MethodInterceptor;
import org.aopalliance.intercept.MethodInvocation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Work a committed change still owes before its caller is answered, run once the use case's transaction has ended and its
 * connection is back in the pool rather than while holding it. Spring runs a transaction's after-completion callbacks
 * before it releases the connection, so the cache's after-commit invalidation (Redis round trips, and the wait until every
 * replica has acknowledged it) would otherwise keep a pooled connection idle for as long: with ten connections and a
 * hundred guests booking, that time was the pool's. The caller still waits for the work (the next read anywhere is right
 * once it is answered); only the connection does not.
 *
 * <p>{@link TransactionalUseCases} opens the scope around each use case call (the outermost one on the thread); inside
 * it {@link #run} queues, outside it (a scheduled job, a test) it runs at once.
 */
public final class AfterConnectionRelease {

    private static final Logger log = LoggerFactory.getLogger(AfterConnectionRelease.class);
    private static final ThreadLocal<List<Runnable>> QUEUED = new ThreadLocal<>();

    private AfterConnectionRelease() {
    }

    /** Runs {@code task} when the use case call open on this thread has returned its connection, or at once when none is. */
    public static void run(Runnable task) {
        List<Runnable> queued = QUEUED.get();
        if (queued == null) {
            task.run();
        } else {
            queued.add(task);
        }
    }

    /**
     * Around a use case call, outside its transaction: queues what {@link #run} is given during the call and runs it after
     * the transaction has ended, in order, whether the call returned or threw. A task that fails is logged, as Spring logs
     * a failed after-completion callback, and the others still run. Only for a call that runs in one transaction
     * ({@code inOneTransaction}): a method that opens its own may commit several in turn, and each must be seen at once.
     */
    static MethodInterceptor scope(Predicate<MethodInvocation> inOneTransaction) {
        return invocation -> {
            if (QUEUED.get() != null || !inOneTransaction.test(invocation)) {
                return invocation.proceed(); // an inner use case call (the outermost one runs the queue), or several transactions
            }
            List<Runnable> queued = new ArrayList<>();
            QUEUED.set(queued);
            try {
                return invocation.proceed();
            } finally {
                QUEUED.remove();
                for (Runnable task : queued) {
                    try {
                        task.run();
                    } catch (RuntimeException failed) {
                        log.error("Work after a committed transaction failed", failed);
                    }
                }
            }
        };
    }
}
