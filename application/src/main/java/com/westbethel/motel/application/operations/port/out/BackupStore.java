package com.westbethel.motel.application.operations.port.out;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where backups are kept: each dump with its manifest beside it, both readable by their owner alone, since a dump
 * holds password hashes and guests' personal data. Directories and dumps are named by their location (a file path).
 * A failure of the storage itself is an {@link java.io.UncheckedIOException}.
 */
public interface BackupStore {

    /**
     * Makes room for a new dump called {@code name} in {@code directory} (created, readable by its owner alone, when
     * absent): an empty file only its owner can read, where the dump is written before it takes its name.
     *
     * @throws IllegalStateException when the directory holds a dump of that name already
     */
    NewDump reserve(String directory, String name);

    /** Gives a completely written dump its name, in one step: no backup is ever seen half-written. */
    void complete(NewDump dump);

    /** Removes what was written of a dump that failed. */
    void discard(NewDump dump);

    /** Whether there is a dump at that location. */
    boolean holds(String dump);

    long size(String dump);

    /** The dump's SHA-256, in lower-case hex. */
    String sha256(String dump);

    /** Writes the backup's manifest beside its dump. */
    void writeManifest(Backup backup);

    /**
     * The manifest beside the dump, empty when there is none.
     *
     * @throws IllegalArgumentException when it cannot be read as a manifest
     */
    Optional<Backup> manifest(String dump);

    /**
     * Every backup of the directory (each dump that has a manifest beside it), in no particular order.
     *
     * @throws IllegalArgumentException when there is no such directory
     */
    List<Backup> backups(String directory);

    /** Deletes the dump and its manifest. */
    void delete(Backup backup);

    /** A dump and what its manifest records of it: when, of which database at which schema version, its size and SHA-256. */
    record Backup(String dump, Instant createdAt, String database, String schemaVersion, long size, String sha256) {
    }

    /**
     * @param partial where the dump is written
     * @param dump the location it takes once complete
     */
    record NewDump(String partial, String dump) {
    }
}
