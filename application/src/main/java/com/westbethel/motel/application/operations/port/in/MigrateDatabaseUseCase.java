package com.westbethel.motel.application.operations.port.in;

/** An admin brings the schema up to date (the API and worker migrate at start; motel-admin only when told). */
public interface MigrateDatabaseUseCase {

    MigrationOutcome migrate();

    record MigrationOutcome(int applied, SchemaReport schema) {
    }
}
