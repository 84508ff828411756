package com.westbethel.motel.application.operations.service;

import com.westbethel.motel.application.operations.port.in.InspectDatabaseSchemaUseCase;
import com.westbethel.motel.application.operations.port.in.SchemaReport;
import com.westbethel.motel.application.operations.port.out.SchemaMigrations;

public record InspectDatabaseSchemaService(SchemaMigrations schemaMigrations) implements InspectDatabaseSchemaUseCase {

    @Override
    public SchemaReport inspectDatabaseSchema() {
        return SchemaReport.of(schemaMigrations.database(), schemaMigrations.migrations());
    }
}
