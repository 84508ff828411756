package com.westbethel.motel.adapters.persistence.audit;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit log, the one way every deployable writes to it: the API, the worker and motel-admin must chain with the same
 * key ({@value AuditChainKey#PROPERTY}), or what one wrote does not verify in another.
 */
@Configuration(proxyBeanMethods = false)
public class AuditPersistenceConfiguration {

    @Bean
    AuditChainKey auditChainKey(@Value("${" + AuditChainKey.PROPERTY + ":}") String key) {
        return AuditChainKey.configured(key);
    }

    /** Closed with the context (Spring calls {@code close}): its linker links what this process committed before it stops. */
    @Bean
    JdbcAuditLog auditLog(JdbcClient jdbc, AuditChainKey key, PlatformTransactionManager transactions) {
        return new JdbcAuditLog(jdbc, key, linkingTransactions(transactions));
    }

    /** Each batch of links in a transaction of its own: never a business transaction, whose commit it follows. */
    public static TransactionTemplate linkingTransactions(PlatformTransactionManager transactions) {
        TransactionTemplate template = new TransactionTemplate(transactions);
        template.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        return template;
    }
}
