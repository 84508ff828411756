package com.westbethel.motel.application.operations.service;

import static com.westbethel.motel.application.operations.service.InMemorySchemaMigrations.applied;
import static com.westbethel.motel.application.operations.service.InMemorySchemaMigrations.pending;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.operations.port.in.SchemaReport;
import com.westbethel.motel.application.operations.port.out.SchemaMigrations.Migration;
import com.westbethel.motel.application.operations.port.out.SchemaMigrations.MigrationState;
import java.util.List;
import org.junit.jupiter.api.Test;

class InspectDatabaseSchemaServiceTest {

    @Test
    void the_current_version_is_the_newest_applied_migration() {
        SchemaReport report = inspect(List.of(applied("1", "extensions"), applied("2", "email queue"), pending("3", "bookings")));

        assertThat(report.currentVersion()).contains("2");
        assertThat(report.count(MigrationState.PENDING)).isEqualTo(1);
        assertThat(report.upToDate()).isFalse();
        assertThat(report.database()).isEqualTo("postgresql://db.example:5432/motel");
    }

    @Test
    void a_fresh_database_has_no_current_version() {
        SchemaReport report = inspect(List.of(pending("1", "extensions")));

        assertThat(report.currentVersion()).isEmpty();
        assertThat(report.upToDate()).isFalse();
    }

    @Test
    void a_schema_with_every_migration_applied_is_up_to_date() {
        SchemaReport report = inspect(List.of(applied("1", "extensions")));

        assertThat(report.upToDate()).isTrue();
    }

    private static SchemaReport inspect(List<Migration> migrations) {
        return new InspectDatabaseSchemaService(new InMemorySchemaMigrations(migrations)).inspectDatabaseSchema();
    }
}
