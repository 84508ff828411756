package com.westbethel.motel.application.operations.port.in;

/** An admin asks which schema version the database is at and which migrations are still to run. */
public interface InspectDatabaseSchemaUseCase {

    SchemaReport inspectDatabaseSchema();
}
