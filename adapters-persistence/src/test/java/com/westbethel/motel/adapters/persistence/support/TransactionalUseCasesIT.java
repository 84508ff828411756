package com.westbethel.motel.adapters.persistence.support;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.application.support.OpensItsOwnTransaction;
import com.westbethel.motel.application.support.Transactions;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

// Finding 2 of issue 10: a use case that hashes a password first opens its transaction only afterwards.
class TransactionalUseCasesIT {

    private final DataSource dataSource = TestDatabase.dataSource(TestDatabase.URL);
    private final PlatformTransactionManager manager = new DataSourceTransactionManager(dataSource);

    /** The input port of a use case in two steps. */
    interface Stepped {

        void ordinary();

        void commitsAndOwes(Runnable owed);

        void commitsTwiceAndOwes(Runnable owed);

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

        /** Commits, owing {@code owed} afterwards, as the cache's invalidation does. */
        @Override
        public void commitsAndOwes(Runnable owed) {
            steps.add("changing " + open());
            owing(owed);
        }

        /** Two transactions of its own, the first owing {@code owed}: the second must see it done. */
        @Override
        @OpensItsOwnTransaction
        public void commitsTwiceAndOwes(Runnable owed) {
            transactions.inTransaction(() -> owing(owed));
            transactions.inTransaction(() -> steps.add("second transaction"));
        }

        private boolean owing(Runnable owed) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    steps.add("completed " + open());
                    AfterConnectionRelease.run(owed);
                }
            });
            return true;
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

    @Test
    void what_a_commit_owes_runs_once_the_connection_is_back_in_the_pool_and_before_the_call_returns() {
        Stepped useCase = TransactionalUseCases.inTransactions(Stepped.class, new SteppedUseCase(new DatabaseTransactions(manager)), manager);
        List<String> owed = new ArrayList<>();

        useCase.commitsAndOwes(() -> owed.add("owed work, connection held: " + TransactionSynchronizationManager.hasResource(dataSource)));
        owed.add("returned");

        assertThat(useCase.steps()).containsExactly("changing in a transaction", "completed in a transaction");
        assertThat(owed).containsExactly("owed work, connection held: false", "returned");
    }

    @Test
    void a_call_that_commits_several_transactions_of_its_own_has_each_ones_work_done_before_the_next() {
        Stepped useCase = TransactionalUseCases.inTransactions(Stepped.class, new SteppedUseCase(new DatabaseTransactions(manager)), manager);

        List<String> steps = useCase.steps();

        useCase.commitsTwiceAndOwes(() -> steps.add("owed work"));

        assertThat(steps).containsExactly("completed in a transaction", "owed work", "second transaction");
    }

    @Test
    void outside_a_use_case_call_what_is_owed_runs_at_once() {
        List<String> owed = new ArrayList<>();

        AfterConnectionRelease.run(() -> owed.add("at once"));

        assertThat(owed).containsExactly("at once");
    }
}
