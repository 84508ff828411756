package com.westbethel.motel.application.operations.port.in;

import com.westbethel.motel.application.operations.port.out.SchemaMigrations.Migration;
import com.westbethel.motel.application.operations.port.out.SchemaMigrations.MigrationState;
import java.util.List;
import java.util.Optional;

/**
 * The state of the database's schema: where it is, the newest applied version, and every
 * migration the application knows of or the database has recorded.
 */
public record SchemaReport(String database, Optional<String> currentVersion, List<Migration> migrations) {

    public SchemaReport {
        migrations = List.copyOf(migrations);
    }

    /** From migrations in version order, as the migration tool lists them: the last applied one is the current version. */
    public static SchemaReport of(String database, List<Migration> migrations) {
        Optional<String> current = migrations.stream()
                .filter(migration -> migration.state() == MigrationState.APPLIED)
                .reduce((earlier, later) -> later)
                .map(Migration::version);
        return new SchemaReport(database, current, migrations);
    }

    public long count(MigrationState state) {
        return migrations.stream().filter(migration -> migration.state() == state).count();
    }

    /** True when every known migration is applied and none failed or is missing from the code. */
    public boolean upToDate() {
        return migrations.stream().allMatch(migration -> migration.state() == MigrationState.APPLIED);
    }
}
