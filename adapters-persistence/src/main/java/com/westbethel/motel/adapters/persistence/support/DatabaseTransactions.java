package com.westbethel.motel.adapters.persistence.support;

import com.westbethel.motel.application.support.Transactions;
import java.util.function.Supplier;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Storage steps in one database transaction; a runtime exception rolls them back, the queued emails too. */
public final class DatabaseTransactions implements Transactions {

    private final TransactionTemplate template;

    public DatabaseTransactions(PlatformTransactionManager transactions) {
        this.template = new TransactionTemplate(transactions);
    }

    @Override
    public <T> T inTransaction(Supplier<T> work) {
        return template.execute(status -> work.get());
    }
}
