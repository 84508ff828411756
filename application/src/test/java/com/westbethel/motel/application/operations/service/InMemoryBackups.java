package com.westbethel.motel.application.operations.service;

import com.westbethel.motel.application.operations.port.out.BackupStore;
import com.westbethel.motel.application.operations.port.out.BackupStore.Backup;
import com.westbethel.motel.application.operations.port.out.DatabaseDumps;
import com.westbethel.motel.domain.shared.Sha256;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** In-memory fakes of the backup ports: files as text by location, and a PostgreSQL server that records what it is asked. */
final class InMemoryBackups {

    /** What the fake pg_dump writes: a header and one line per entry of the table of contents. */
    static final String DUMP = "PGDMP\nTABLE users\nTABLE bookings\nTABLE audit_log";

    private InMemoryBackups() {
    }

    static final class InMemoryBackupStore implements BackupStore {

        final Map<String, String> files = new HashMap<>();
        private final Map<String, Backup> manifests = new HashMap<>();
        private final Set<String> directories = new HashSet<>();

        void write(String file, String content) {
            files.put(file, content);
        }

        String read(String file) {
            return files.get(file);
        }

        /** A dump without its manifest, as a dump copied in by hand. */
        void strayDump(String directory, String name) {
            directories.add(directory);
            files.put(directory + "/" + name, DUMP);
        }

        @Override
        public NewDump reserve(String directory, String name) {
            directories.add(directory);
            String dump = directory + "/" + name;
            if (files.containsKey(dump)) {
                throw new IllegalStateException(dump + " exists already; try again.");
            }
            files.put(dump + ".partial", "");
            return new NewDump(dump + ".partial", dump);
        }

        @Override
        public void complete(NewDump dump) {
            files.put(dump.dump(), files.remove(dump.partial()));
        }

        @Override
        public void discard(NewDump dump) {
            files.remove(dump.partial());
        }

        @Override
        public boolean holds(String dump) {
            return files.containsKey(dump);
        }

        @Override
        public long size(String dump) {
            return contentOf(dump).getBytes(StandardCharsets.UTF_8).length;
        }

        @Override
        public String sha256(String dump) {
            return Sha256.hex(contentOf(dump));
        }

        @Override
        public void writeManifest(Backup backup) {
            manifests.put(backup.dump(), backup);
        }

        @Override
        public Optional<Backup> manifest(String dump) {
            return Optional.ofNullable(manifests.get(dump));
        }

        @Override
        public List<Backup> backups(String directory) {
            if (!directories.contains(directory)) {
                throw new IllegalArgumentException(directory + " is not a directory.");
            }
            return manifests.values().stream()
                    .filter(backup -> backup.dump().startsWith(directory + "/") && files.containsKey(backup.dump()))
                    .toList();
        }

        @Override
        public void delete(Backup backup) {
            files.remove(backup.dump());
            manifests.remove(backup.dump());
        }

        private String contentOf(String file) {
            String content = files.get(file);
            if (content == null) {
                throw new UncheckedIOException(new IOException(file + ": no such file"));
            }
            return content;
        }
    }

    /** The database {@code motel} and its server; writes {@link #DUMP}, or what a test makes it write. */
    static final class FakeDatabaseDumps implements DatabaseDumps {

        final Map<String, TargetState> databases = new HashMap<>(Map.of("motel", TargetState.NOT_EMPTY));
        final List<String> actions = new ArrayList<>();
        private final InMemoryBackupStore store;
        private String writes = DUMP;
        private RuntimeException failure;

        FakeDatabaseDumps(InMemoryBackupStore store) {
            this.store = store;
        }

        void writes(String dump) {
            this.writes = dump;
        }

        void failsWith(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public String database() {
            return "motel";
        }

        @Override
        public void dump(String file) {
            if (failure != null) {
                store.write(file, writes.substring(0, writes.length() / 2));
                throw failure;
            }
            store.write(file, writes);
        }

        @Override
        public List<String> contents(String file) {
            String dump = store.read(file);
            if (!dump.startsWith("PGDMP")) {
                throw new IllegalStateException("pg_restore failed (exit 1): input file does not appear to be a valid archive");
            }
            return dump.lines().skip(1).toList();
        }

        @Override
        public TargetState state(String database) {
            return databases.getOrDefault(database, TargetState.ABSENT);
        }

        @Override
        public void create(String database) {
            actions.add("create " + database);
            databases.put(database, TargetState.EMPTY);
        }

        @Override
        public void empty(String database) {
            actions.add("empty " + database);
            databases.put(database, TargetState.EMPTY);
        }

        @Override
        public void restore(String file, String database) {
            actions.add("restore " + file + " into " + database);
            databases.put(database, TargetState.NOT_EMPTY);
        }
    }
}
