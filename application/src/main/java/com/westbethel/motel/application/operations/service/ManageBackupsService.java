package com.westbethel.motel.application.operations.service;

import com.westbethel.motel.application.operations.port.in.InspectDatabaseSchemaUseCase;
import com.westbethel.motel.application.operations.port.in.ManageBackupsUseCase;
import com.westbethel.motel.application.operations.port.out.BackupStore;
import com.westbethel.motel.application.operations.port.out.BackupStore.Backup;
import com.westbethel.motel.application.operations.port.out.BackupStore.NewDump;
import com.westbethel.motel.application.operations.port.out.DatabaseDumps;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/** Backups as dumps with a manifest beside each, kept in a {@link BackupStore}; see {@link ManageBackupsUseCase}. */
public record ManageBackupsService(DatabaseDumps dumps, BackupStore store, InspectDatabaseSchemaUseCase schema, Clock clock) implements ManageBackupsUseCase {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

    @Override
    public Backup create(String directory, Consumer<String> progress) {
        Instant now = clock.instant();
        String database = dumps.database();
        NewDump dump = store.reserve(directory, "motel-" + database + "-" + STAMP.format(now) + ".dump");
        progress.accept("dumping " + database + " to " + dump.dump());
        try {
            dumps.dump(dump.partial());
        } catch (RuntimeException failed) {
            store.discard(dump);
            throw failed;
        }
        // Only a complete dump takes the backup's name.
        store.complete(dump);
        long size = store.size(dump.dump());
        progress.accept("checksumming " + size + " bytes");
        Backup backup = new Backup(dump.dump(), now, database, schema.inspectDatabaseSchema().currentVersion().orElse("none"), size,
                store.sha256(dump.dump()));
        store.writeManifest(backup);
        return backup;
    }

    @Override
    public List<Backup> list(String directory) {
        return store.backups(directory).stream().sorted(Comparator.comparing(Backup::createdAt).reversed()).toList();
    }

    @Override
    public Verification verify(String dump) {
        if (!store.holds(dump)) {
            throw new IllegalArgumentException("There is no file " + dump + ".");
        }
        Backup recorded = store.manifest(dump)
                .orElseThrow(() -> new IllegalArgumentException("There is no manifest beside the dump " + dump + "."));
        List<String> problems = new ArrayList<>();
        try {
            long size = store.size(dump);
            if (size != recorded.size()) {
                problems.add("size is " + size + " bytes; the manifest says " + recorded.size());
            }
            String checksum = store.sha256(dump);
            if (!checksum.equals(recorded.sha256())) {
                problems.add("SHA-256 is " + checksum + "; the manifest says " + recorded.sha256());
            }
        } catch (UncheckedIOException unreadable) {
            problems.add("cannot read the dump: " + unreadable.getMessage());
        }
        int entries = 0;
        try {
            entries = dumps.contents(dump).size();
            if (entries == 0) {
                problems.add("pg_restore lists nothing in it");
            }
        } catch (RuntimeException unreadable) {
            problems.add("pg_restore cannot read it: " + unreadable.getMessage());
        }
        return new Verification(recorded, entries, List.copyOf(problems));
    }

    @Override
    public RestoreResult restore(String dump, String targetDatabase, boolean force, Consumer<String> progress) {
        if (!DATABASE_NAME.matcher(targetDatabase).matches()) {
            return new RestoreResult.Refused("A target database name is lower-case letters, digits and underscores: " + targetDatabase + " is not.");
        }
        progress.accept("verifying " + dump);
        Verification verification = verify(dump);
        if (!verification.sound()) {
            return new RestoreResult.Refused("The backup is damaged: " + String.join("; ", verification.problems()) + ".");
        }
        DatabaseDumps.TargetState state = dumps.state(targetDatabase);
        if (state == DatabaseDumps.TargetState.NOT_EMPTY && !force) {
            return new RestoreResult.Refused("Database " + targetDatabase + " exists and holds data; restore into a new database, "
                    + "or add --force to restore over it.");
        }
        if (state == DatabaseDumps.TargetState.ABSENT) {
            progress.accept("creating database " + targetDatabase);
            dumps.create(targetDatabase);
        }
        if (state == DatabaseDumps.TargetState.NOT_EMPTY) {
            progress.accept("emptying database " + targetDatabase);
            dumps.empty(targetDatabase);
        }
        progress.accept("restoring into " + targetDatabase);
        dumps.restore(dump, targetDatabase);
        return new RestoreResult.Restored(targetDatabase, verification.backup());
    }

    @Override
    public List<Backup> prune(String directory, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("Keep at least one backup.");
        }
        List<Backup> all = list(directory);
        List<Backup> deleted = List.copyOf(all.subList(Math.min(keep, all.size()), all.size()));
        deleted.forEach(store::delete);
        return deleted;
    }
}
