package com.westbethel.motel.adapters.persistence.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.application.operations.port.out.BackupStore.Backup;
import com.westbethel.motel.application.operations.port.out.BackupStore.NewDump;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileSystemBackupStoreTest {

    private final FileSystemBackupStore store = new FileSystemBackupStore();

    @TempDir
    Path root;

    @Test
    void a_new_dump_is_written_privately_and_takes_its_name_only_when_complete() throws IOException {
        Path directory = root.resolve("backups");

        NewDump dump = store.reserve(directory.toString(), "motel-motel-20270601T120000000Z.dump");

        assertThat(permissions(directory)).isEqualTo("rwx------");
        assertThat(permissions(Path.of(dump.partial()))).isEqualTo("rw-------");
        assertThat(dump.dump()).isEqualTo(directory.resolve("motel-motel-20270601T120000000Z.dump").toString());
        assertThat(store.holds(dump.dump())).isFalse();

        Files.writeString(Path.of(dump.partial()), "PGDMP");
        store.complete(dump);

        assertThat(store.holds(dump.dump())).isTrue();
        assertThat(Files.exists(Path.of(dump.partial()))).isFalse();
        assertThat(permissions(Path.of(dump.dump()))).isEqualTo("rw-------");
        assertThatThrownBy(() -> store.reserve(directory.toString(), "motel-motel-20270601T120000000Z.dump"))
                .isInstanceOf(IllegalStateException.class).hasMessageEndingWith("exists already; try again.");
    }

    @Test
    void a_discarded_dump_leaves_nothing_behind() throws IOException {
        NewDump dump = store.reserve(root.toString(), "motel.dump");
        Files.writeString(Path.of(dump.partial()), "PGD");

        store.discard(dump);

        try (var files = Files.list(root)) {
            assertThat(files).isEmpty();
        }
    }

    @Test
    void size_and_sha256_are_the_files() throws IOException {
        Path dump = Files.writeString(root.resolve("motel.dump"), "abc");

        assertThat(store.size(dump.toString())).isEqualTo(3);
        assertThat(store.sha256(dump.toString())).isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThatThrownBy(() -> store.sha256(root.resolve("missing.dump").toString())).hasMessageContaining("missing.dump");
    }

    @Test
    void a_manifest_is_written_privately_beside_its_dump_and_read_back_as_the_backup() throws IOException {
        Path dump = Files.writeString(root.resolve("motel.dump"), "PGDMP");
        Backup backup = new Backup(dump.toString(), Instant.parse("2027-06-01T12:00:00Z"), "motel", "13", 5, "ab".repeat(32));

        store.writeManifest(backup);

        Path manifest = root.resolve("motel.dump.manifest");
        assertThat(permissions(manifest)).isEqualTo("rw-------");
        assertThat(Files.readString(manifest)).contains("database=motel").contains("schemaVersion=13").contains("file=motel.dump");
        assertThat(store.manifest(dump.toString())).contains(backup);
        assertThat(store.manifest(root.resolve("other.dump").toString())).isEmpty();
    }

    @Test
    void an_unreadable_manifest_is_reported_as_such() throws IOException {
        Path dump = Files.writeString(root.resolve("motel.dump"), "PGDMP");
        Files.writeString(root.resolve("motel.dump.manifest"), "database=motel\nsize=lots\n");

        assertThatThrownBy(() -> store.manifest(dump.toString())).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("motel.dump.manifest is unreadable");
    }

    @Test
    void the_backups_of_a_directory_are_its_dumps_with_a_manifest_and_deleting_one_removes_both_files() throws IOException {
        Backup kept = backup("motel-1.dump");
        Backup deleted = backup("motel-2.dump");
        Files.writeString(root.resolve("copied-by-hand.dump"), "PGDMP");
        Files.writeString(root.resolve("notes.txt"), "not a backup");

        assertThat(store.backups(root.toString())).containsExactlyInAnyOrder(kept, deleted);

        store.delete(deleted);

        assertThat(store.backups(root.toString())).containsExactly(kept);
        assertThat(root.resolve("motel-2.dump")).doesNotExist();
        assertThat(root.resolve("motel-2.dump.manifest")).doesNotExist();
        assertThatThrownBy(() -> store.backups(root.resolve("nowhere").toString())).hasMessageEndingWith("nowhere is not a directory.");
    }

    private Backup backup(String name) throws IOException {
        Path dump = Files.writeString(root.resolve(name), "PGDMP " + name);
        Backup backup = new Backup(dump.toString(), Instant.parse("2027-06-01T12:00:00Z"), "motel", "13", Files.size(dump), "00".repeat(32));
        store.writeManifest(backup);
        return backup;
    }

    private static String permissions(Path path) throws IOException {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }
}
