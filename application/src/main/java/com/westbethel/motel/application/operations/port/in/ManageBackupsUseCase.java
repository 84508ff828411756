package com.westbethel.motel.application.operations.port.in;

import com.westbethel.motel.application.operations.port.out.BackupStore.Backup;
import java.util.List;
import java.util.function.Consumer;

/**
 * Backups of the system of record: a dump in PostgreSQL's custom format beside a manifest (when, which
 * database, which schema version, size, SHA-256), checked before it is trusted, restored only into a
 * database that holds nothing (unless forced). Directories and dumps are named by their location, as the
 * admin gives it (a file path).
 */
public interface ManageBackupsUseCase {

    /** @param progress told each step, for a terminal to show */
    Backup create(String directory, Consumer<String> progress);

    /** Newest first. */
    List<Backup> list(String directory);

    Verification verify(String dump);

    RestoreResult restore(String dump, String targetDatabase, boolean force, Consumer<String> progress);

    /** Keeps the newest {@code keep} backups of the directory; returns the ones deleted. */
    List<Backup> prune(String directory, int keep);

    /** @param problems empty when the backup is sound */
    record Verification(Backup backup, int entries, List<String> problems) {

        public boolean sound() {
            return problems.isEmpty();
        }
    }

    sealed interface RestoreResult {

        record Restored(String database, Backup backup) implements RestoreResult {
        }

        record Refused(String reason) implements RestoreResult {
        }
    }
}
