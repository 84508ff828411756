package com.westbethel.motel.adapters.persistence.support;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.transaction.PlatformTransactionManager;

/** The one {@code Transactions} port the use cases that open their own transactions are given (they hash a password first). */
@Configuration(proxyBeanMethods = false)
public class TransactionsConfiguration {

    @Bean
    DatabaseTransactions databaseTransactions(PlatformTransactionManager transactions) {
        return new DatabaseTransactions(transactions);
    }
}
