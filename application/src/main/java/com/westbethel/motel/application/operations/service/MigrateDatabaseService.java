package com.westbethel.motel.application.operations.service;

import com.westbethel.motel.application.operations.port.in.MigrateDatabaseUseCase;
import com.westbethel.motel.application.operations.port.in.SchemaReport;
import com.westbethel.motel.application.operations.port.out.SchemaMigrations;

public record MigrateDatabaseService(SchemaMigrations schemaMigrations) implements MigrateDatabaseUseCase {

    @Override
    public MigrationOutcome migrate() {
        int applied = schemaMigrations.migrate();
        return new MigrationOutcome(applied, SchemaReport.of(schemaMigrations.database(), schemaMigrations.migrations()));
    }
}
