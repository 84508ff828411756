package com.westbethel.motel.application.operations.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.operations.port.in.SchemaReport;
import com.westbethel.motel.application.operations.port.out.SchemaMigrations;
import com.westbethel.motel.application.operations.port.out.SchemaMigrations.Migration;
import com.westbethel.motel.application.operations.port.out.SchemaMigrations.MigrationState;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SchemaInspectorTest {

    private static final Optional<Instant> INSTALLED = Optional.of(Instant.parse("2027-01-01T00:00:00Z"));

    @Test
    void the_current_version_is_the_newest_applied_migration() {
        SchemaReport report = inspect(List.of(
                new Migration("1", "extensions", MigrationState.APPLIED, INSTALLED),
                new Migration("2", "email queue", MigrationState.APPLIED, INSTALLED),
                new Migration("3", "bookings", MigrationState.PENDING, Optional.empty())));

        assertThat(report.currentVersion()).contains("2");
        assertThat(report.count(MigrationState.PENDING)).isEqualTo(1);
        assertThat(report.upToDate()).isFalse();
        assertThat(report.database()).isEqualTo("postgresql://db.example:5432/motel");
    }

    @Test
    void a_fresh_database_has_no_current_version() {
        SchemaReport report = inspect(List.of(new Migration("1", "extensions", MigrationState.PENDING, Optional.empty())));

        assertThat(report.currentVersion()).isEmpty();
        assertThat(report.upToDate()).isFalse();
    }

    @Test
    void a_schema_with_every_migration_applied_is_up_to_date() {
        SchemaReport report = inspect(List.of(new Migration("1", "extensions", MigrationState.APPLIED, INSTALLED)));

        assertThat(report.upToDate()).isTrue();
    }

    private static SchemaReport inspect(List<Migration> migrations) {
        SchemaMigrations fake = new SchemaMigrations() {
            @Override
            public String database() {
                return "postgresql://db.example:5432/motel";
            }

            @Override
            public List<Migration> migrations() {
                return migrations;
            }

            @Override
            public int migrate() {
                return 0;
            }
        };
        return new SchemaInspector(fake).inspectDatabaseSchema();
    }
}
