package com.westbethel.motel.application.operations.service;

import com.westbethel.motel.application.operations.port.in.InspectDatabaseSchemaUseCase;
import com.westbethel.motel.application.operations.port.in.MigrateDatabaseUseCase;
import com.westbethel.motel.application.operations.port.in.SchemaReport;
import com.westbethel.motel.application.operations.port.out.SchemaMigrations;
import com.westbethel.motel.application.operations.port.out.SchemaMigrations.Migration;
import com.westbethel.motel.application.operations.port.out.SchemaMigrations.MigrationState;
import java.util.List;
import java.util.Optional;

public class SchemaInspector implements InspectDatabaseSchemaUseCase, MigrateDatabaseUseCase {

    private final SchemaMigrations schemaMigrations;

    public SchemaInspector(SchemaMigrations schemaMigrations) {
        this.schemaMigrations = schemaMigrations;
    }

    @Override
    public SchemaReport inspectDatabaseSchema() {
        List<Migration> migrations = schemaMigrations.migrations();
        // The migration tool lists in version order, so the last applied one is the current version.
        Optional<String> current = migrations.stream()
                .filter(migration -> migration.state() == MigrationState.APPLIED)
                .reduce((earlier, later) -> later)
                .map(Migration::version);
        return new SchemaReport(schemaMigrations.database(), current, migrations);
    }

    @Override
    public MigrationOutcome migrate() {
        int applied = schemaMigrations.migrate();
        return new MigrationOutcome(applied, inspectDatabaseSchema());
    }
}
