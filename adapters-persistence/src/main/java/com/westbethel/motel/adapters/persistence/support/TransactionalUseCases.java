package com.westbethel.motel.adapters.persistence.support;

import org.springframework.aop.framework.ProxyFactory;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.interceptor.MatchAlwaysTransactionAttributeSource;
import org.springframework.transaction.interceptor.TransactionInterceptor;

/**
 * Runs every call of a use case in one database transaction, so that the core needs no
 * {@code @Transactional}: the bootstrap wraps each service when it wires it. A runtime exception rolls
 * everything back, including the emails the use case queued.
 */
public final class TransactionalUseCases {

    private TransactionalUseCases() {
    }

    /** A proxy of {@code service} whose every call runs in a transaction. */
    public static <T> T inTransactions(T service, PlatformTransactionManager transactions) {
        ProxyFactory proxy = new ProxyFactory(service);
        // A class-based proxy, so that the bean is still the service's type and every input port it implements.
        proxy.setProxyTargetClass(true);
        proxy.addAdvice(new TransactionInterceptor(transactions, new MatchAlwaysTransactionAttributeSource()));
        @SuppressWarnings("unchecked")
        T transactional = (T) proxy.getProxy(service.getClass().getClassLoader());
        return transactional;
    }
}
