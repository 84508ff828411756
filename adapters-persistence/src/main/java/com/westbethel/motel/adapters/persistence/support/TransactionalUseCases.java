package com.westbethel.motel.adapters.persistence.support;

import com.westbethel.motel.application.support.OpensItsOwnTransaction;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.interceptor.DefaultTransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttribute;
import org.springframework.transaction.interceptor.TransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;
import org.springframework.util.ClassUtils;

/**
 * Runs every call of a use case in one database transaction, so that the core needs no
 * {@code @Transactional}: the bootstrap wraps each service when it wires it. A runtime exception rolls
 * everything back, including the emails the use case queued. A method marked {@link OpensItsOwnTransaction}
 * is left alone: it hashes a password first and asks for its transaction afterwards. What a commit still owes (the cache's
 * invalidation) runs after the transaction, its connection released ({@link AfterConnectionRelease}).
 */
public final class TransactionalUseCases {

    private TransactionalUseCases() {
    }

    /**
     * A proxy of {@code service}, seen through its input port {@code port}, whose every call runs in a transaction, but calls
     * of methods that open their own. The proxy implements the port (and any other interface of the service), not the
     * service's class: callers reach a use case only through its port, and a service may be a record.
     */
    public static <P> P inTransactions(Class<P> port, P service, PlatformTransactionManager transactions) {
        if (!port.isInterface()) {
            throw new IllegalArgumentException(port.getName() + " is not an input port (an interface)");
        }
        ProxyFactory proxy = new ProxyFactory(service);
        UseCaseTransactions attributes = new UseCaseTransactions();
        // Outermost, so that what the call's commit still owes runs once the connection is back in the pool.
        proxy.addAdvice(AfterConnectionRelease.scope(call -> attributes.getTransactionAttribute(call.getMethod(), service.getClass()) != null));
        proxy.addAdvice(new TransactionInterceptor(transactions, attributes));
        return port.cast(proxy.getProxy(service.getClass().getClassLoader()));
    }

    /**
     * A transaction for every method but those that open their own; one per proxy (one target class), its answer kept per
     * method, since both advices ask it on every call.
     */
    private static final class UseCaseTransactions implements TransactionAttributeSource {

        private static final TransactionAttribute EVERY_CALL = new DefaultTransactionAttribute();

        private final Map<Method, Boolean> inTransaction = new ConcurrentHashMap<>();

        @Override
        public TransactionAttribute getTransactionAttribute(Method method, Class<?> targetClass) {
            return inTransaction.computeIfAbsent(method, called -> runsInTransaction(called, targetClass)) ? EVERY_CALL : null;
        }

        private static boolean runsInTransaction(Method method, Class<?> targetClass) {
            if (!ClassUtils.isUserLevelMethod(method)) {
                return false;
            }
            Method implementation = targetClass == null ? method : AopUtils.getMostSpecificMethod(method, targetClass);
            return !implementation.isAnnotationPresent(OpensItsOwnTransaction.class);
        }
    }
}
