package com.westbethel.motel.adapters.persistence.observation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.adapters.persistence.support.TransactionalUseCases;
import com.westbethel.motel.application.booking.port.in.PurgeIdempotencyKeysUseCase;
import io.micrometer.common.KeyValue;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationHandler;
import io.micrometer.observation.ObservationRegistry;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The use case and SQL observations on the real PostgreSQL, seen by a handler that records every observation stopped: a
 * statement is observed only inside another observation, named for its verb, with its text and its failure; a use case is
 * observed around its transaction, named for its port and method.
 */
class ObservationsIT {

    private final List<Observation.Context> stopped = new CopyOnWriteArrayList<>();
    private final ObservationRegistry registry = recording();
    private final ObservedDataSource dataSource = new ObservedDataSource(TestDatabase.dataSource(TestDatabase.URL), () -> registry);
    private final JdbcClient jdbc = JdbcClient.create(dataSource);

    @Test
    void a_statement_outside_any_observation_is_not_observed() {
        assertThat(jdbc.sql("SELECT 1").query(Integer.class).single()).isEqualTo(1);

        assertThat(stopped).isEmpty();
    }

    @Test
    void each_statement_inside_an_observation_is_one_named_for_its_verb_with_its_text() {
        Observation request = Observation.start("request", registry);
        try (Observation.Scope scope = request.openScope()) {
            jdbc.sql("SELECT :n + 1").param("n", 41).query(Integer.class).single();
            jdbc.sql("\n   with answer AS (SELECT 42 AS n) SELECT n FROM answer").query(Integer.class).single();
        } finally {
            request.stop();
        }

        List<Observation.Context> statements = stopped.stream().filter(context -> context.getName().equals(ObservedDataSource.NAME)).toList();
        assertThat(statements).extracting(Observation.Context::getContextualName).containsExactly("SELECT", "WITH");
        assertThat(statements.get(0).getHighCardinalityKeyValue("db.statement")).isEqualTo(KeyValue.of("db.statement", "SELECT ? + 1"));
        assertThat(statements.get(1).getLowCardinalityKeyValue("db.operation").getValue()).isEqualTo("WITH");
        assertThat(statements).allSatisfy(statement -> assertThat(statement.getParentObservation().getContextView().getName()).isEqualTo("request"));
    }

    @Test
    void a_failed_statement_is_observed_with_its_error() {
        Observation request = Observation.start("request", registry);
        try (Observation.Scope scope = request.openScope()) {
            assertThatThrownBy(() -> jdbc.sql("SELECT * FROM no_such_table").query().listOfRows()).hasMessageContaining("no_such_table");
        } finally {
            request.stop();
        }

        assertThat(stopped).filteredOn(context -> context.getName().equals(ObservedDataSource.NAME)).singleElement()
                .satisfies(statement -> assertThat(statement.getError()).hasMessageContaining("no_such_table"));
    }

    @Test
    void a_use_case_is_observed_around_its_transaction_with_its_statements_inside() {
        PurgeIdempotencyKeysUseCase purge = TransactionalUseCases.inTransactions(PurgeIdempotencyKeysUseCase.class,
                () -> jdbc.sql("SELECT count(*) FROM pg_class WHERE false").query(Long.class).single(),
                new DataSourceTransactionManager(dataSource));
        new UseCaseObservations(() -> registry).postProcessAfterInitialization(purge, "purge");

        assertThat(purge.purgeIdempotencyKeys()).isZero();

        Observation.Context useCase = stopped.stream().filter(context -> context.getName().equals(UseCaseObservations.NAME)).findFirst().orElseThrow();
        assertThat(useCase.getContextualName()).isEqualTo("PurgeIdempotencyKeysUseCase.purgeIdempotencyKeys");
        assertThat(stopped).filteredOn(context -> context.getName().equals(ObservedDataSource.NAME))
                .extracting(Observation.Context::getContextualName).contains("SELECT");
        assertThat(stopped).filteredOn(context -> context.getName().equals(ObservedDataSource.NAME))
                .allSatisfy(statement -> assertThat(statement.getParentObservation().getContextView().getName()).isEqualTo(UseCaseObservations.NAME));
    }

    @Test
    void a_failing_use_case_is_observed_with_its_error_and_anything_else_is_left_alone() {
        PurgeIdempotencyKeysUseCase failing = TransactionalUseCases.inTransactions(PurgeIdempotencyKeysUseCase.class, () -> {
            throw new IllegalStateException("refused");
        }, new DataSourceTransactionManager(dataSource));
        UseCaseObservations observations = new UseCaseObservations(() -> registry);
        observations.postProcessAfterInitialization(failing, "failing");
        Object plain = new Object();

        assertThatThrownBy(failing::purgeIdempotencyKeys).hasMessage("refused");
        assertThat(observations.postProcessAfterInitialization(plain, "plain")).isSameAs(plain);
        assertThat(stopped).filteredOn(context -> context.getName().equals(UseCaseObservations.NAME)).singleElement()
                .satisfies(useCase -> assertThat(useCase.getError()).hasMessage("refused"));
    }

    private ObservationRegistry recording() {
        ObservationRegistry recording = ObservationRegistry.create();
        recording.observationConfig().observationHandler(new ObservationHandler<>() {
            @Override
            public boolean supportsContext(Observation.Context context) {
                return true;
            }

            @Override
            public void onStop(Observation.Context context) {
                stopped.add(context);
            }
        });
        return recording;
    }
}
