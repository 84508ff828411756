package com.westbethel.motel.application.operations.service;

import com.westbethel.motel.application.operations.port.in.InspectDatabaseSchemaUseCase;
import com.westbethel.motel.application.operations.port.in.SchemaReport;
import com.westbethel.motel.application.operations.port.out.SchemaMigrations;

public class InspectDatabaseSchemaService implements InspectDatabaseSchemaUseCase {

    private final SchemaMigrations schemaMigrations;

    public InspectDatabaseSchemaService(SchemaMigrations schemaMigrations) {
        this.schemaMigrations = schemaMigrations;
    }

    @Override
    public SchemaReport inspectDatabaseSchema() {
        return SchemaReport.of(schemaMigrations.database(), schemaMigrations.migrations());
    }
}
