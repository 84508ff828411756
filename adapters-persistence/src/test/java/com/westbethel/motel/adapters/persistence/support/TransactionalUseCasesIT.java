package com.westbethel.motel.adapters.persistence.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.application.support.OpensItsOwnTransaction;
import com.westbethel.motel.application.support.Transactions;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

// Finding 2 of issue 10: a use case that hashes a password first opens its transaction only afterwards.
class TransactionalUseCasesIT {

    private final PlatformTransactionManager manager = new DataSourceTransactionManager(TestDatabase.dataSource(TestDatabase.URL));

    /** The input port of a use case in two steps. */
    interface Stepped {

        void ordinary();

        void hashesFirst();

        List<String> steps();
    }

    /** A use case that notes, at each step, whether a database transaction is open. */
    static class SteppedUseCase implements Stepped {

        private final List<String> steps = new ArrayList<>();
        private final Transactions transactions;

        SteppedUseCase(Transactions transactions) {
            this.transactions = transactions;
        }

        @Override
        public void ordinary() {
            steps.add("ordinary " + open());
        }

        @Override
        @OpensItsOwnTransaction
        public void hashesFirst() {
            steps.add("hashing " + open());
            transactions.inTransaction(() -> steps.add("storing " + open()));
        }

        @Override
        public List<String> steps() {
            return steps;
        }

        private static String open() {
            return TransactionSynchronizationManager.isActualTransactionActive() ? "in a transaction" : "outside";
        }
    }

    @Test
    void every_call_runs_in_a_transaction_but_a_method_that_opens_its_own_hashes_outside_one() {
        Stepped useCase = TransactionalUseCases.inTransactions(Stepped.class, new SteppedUseCase(new DatabaseTransactions(manager)), manager);

        useCase.ordinary();
        useCase.hashesFirst();

        // Through a method: the proxy's own fields are empty.
        assertThat(useCase.steps()).containsExactly("ordinary in a transaction", "hashing outside", "storing in a transaction");
    }
}
