package com.westbethel.motel.application.operations.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The schema migrations of the system of record, as the migration tool sees them. */
public interface SchemaMigrations {

    /** Where the migrations apply, without credentials (for example {@code postgresql://127.0.0.1:5432/motel}). */
    String database();

    List<Migration> migrations();

    /** Applies every pending migration; returns how many ran. */
    int migrate();

    enum MigrationState {
        APPLIED,
        PENDING,
        FAILED,
        /** Recorded in the database but unknown to this version of the code (a newer release ran). */
        UNKNOWN_TO_CODE,
        /** Deliberately not applied, such as a migration older than the baseline. */
        SKIPPED
    }

    record Migration(String version, String description, MigrationState state, Optional<Instant> installedOn) {
    }
}
