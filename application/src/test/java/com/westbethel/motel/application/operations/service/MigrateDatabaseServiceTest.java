package com.westbethel.motel.application.operations.service;

import static com.westbethel.motel.application.operations.service.InMemorySchemaMigrations.applied;
import static com.westbethel.motel.application.operations.service.InMemorySchemaMigrations.pending;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.operations.port.in.MigrateDatabaseUseCase.MigrationOutcome;
import java.util.List;
import org.junit.jupiter.api.Test;

class MigrateDatabaseServiceTest {

    @Test
    void migrating_applies_the_pending_migrations_and_reports_the_schema_they_leave() {
        InMemorySchemaMigrations migrations = new InMemorySchemaMigrations(List.of(applied("1", "extensions"), pending("2", "email queue"),
                pending("3", "bookings")));

        MigrationOutcome outcome = new MigrateDatabaseService(migrations).migrate();

        assertThat(outcome.applied()).isEqualTo(2);
        assertThat(outcome.schema().currentVersion()).contains("3");
        assertThat(outcome.schema().upToDate()).isTrue();
    }

    @Test
    void migrating_an_up_to_date_schema_applies_nothing() {
        MigrationOutcome outcome = new MigrateDatabaseService(new InMemorySchemaMigrations(List.of(applied("1", "extensions")))).migrate();

        assertThat(outcome.applied()).isZero();
        assertThat(outcome.schema().currentVersion()).contains("1");
    }
}
