package com.westbethel.motel.application.operations.service;

import static com.westbethel.motel.application.operations.service.InMemoryBackups.DUMP;
import static com.westbethel.motel.application.operations.service.InMemorySchemaMigrations.applied;
import static com.westbethel.motel.application.operations.service.InMemorySchemaMigrations.pending;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.application.operations.port.in.ManageBackupsUseCase.RestoreResult;
import com.westbethel.motel.application.operations.port.in.ManageBackupsUseCase.Verification;
import com.westbethel.motel.application.operations.port.out.BackupStore.Backup;
import com.westbethel.motel.application.operations.port.out.DatabaseDumps.TargetState;
import com.westbethel.motel.application.operations.service.InMemoryBackups.FakeDatabaseDumps;
import com.westbethel.motel.application.operations.service.InMemoryBackups.InMemoryBackupStore;
import com.westbethel.motel.domain.shared.Sha256;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ManageBackupsServiceTest {

    private static final String DIRECTORY = "/var/backups/motel";

    private final InMemoryBackupStore store = new InMemoryBackupStore();
    private final FakeDatabaseDumps dumps = new FakeDatabaseDumps(store);
    private final List<String> progress = new ArrayList<>();

    @Test
    void a_backup_is_the_complete_dump_under_a_dated_name_with_a_manifest_of_what_it_holds() {
        Backup backup = backupsAt("2027-06-01T12:00:00.250Z").create(DIRECTORY, progress::add);

        assertThat(backup.dump()).isEqualTo(DIRECTORY + "/motel-motel-20270601T120000250Z.dump");
        assertThat(backup.createdAt()).isEqualTo(Instant.parse("2027-06-01T12:00:00.250Z"));
        assertThat(backup.database()).isEqualTo("motel");
        assertThat(backup.schemaVersion()).isEqualTo("13");
        assertThat(backup.size()).isEqualTo(DUMP.length());
        assertThat(backup.sha256()).isEqualTo(Sha256.hex(DUMP));
        assertThat(store.manifest(backup.dump())).contains(backup);
        assertThat(store.files).containsOnlyKeys(backup.dump());
        assertThat(progress).first().isEqualTo("dumping motel to " + backup.dump());
    }

    @Test
    void a_dump_that_fails_half_way_leaves_no_backup_behind() {
        dumps.failsWith(new IllegalStateException("pg_dump failed (exit 1): could not write: No space left on device"));

        assertThatThrownBy(() -> backupsAt("2027-06-01T12:00:00Z").create(DIRECTORY, progress::add))
                .hasMessageContaining("No space left on device");

        assertThat(store.files).isEmpty();
        assertThat(backupsAt("2027-06-01T12:00:01Z").list(DIRECTORY)).isEmpty();
    }

    @Test
    void backups_are_listed_newest_first_and_a_dump_without_a_manifest_is_not_a_backup() {
        Backup monday = backupsAt("2027-06-07T02:00:00Z").create(DIRECTORY, progress::add);
        Backup wednesday = backupsAt("2027-06-09T02:00:00Z").create(DIRECTORY, progress::add);
        Backup tuesday = backupsAt("2027-06-08T02:00:00Z").create(DIRECTORY, progress::add);
        store.strayDump(DIRECTORY, "copied-by-hand.dump");

        List<Backup> listed = backupsAt("2027-06-09T08:00:00Z").list(DIRECTORY);

        assertThat(listed).containsExactly(wednesday, tuesday, monday);
    }

    @Test
    void a_backup_whose_dump_matches_its_manifest_and_reads_back_is_sound() {
        Backup backup = backupsAt("2027-06-01T12:00:00Z").create(DIRECTORY, progress::add);

        Verification verification = backupsAt("2027-06-02T12:00:00Z").verify(backup.dump());

        assertThat(verification.sound()).isTrue();
        assertThat(verification.entries()).isEqualTo(3);
        assertThat(verification.backup()).isEqualTo(backup);
    }

    @Test
    void a_dump_changed_since_its_manifest_was_written_is_damaged() {
        Backup backup = backupsAt("2027-06-01T12:00:00Z").create(DIRECTORY, progress::add);
        store.write(backup.dump(), DUMP + "\nTABLE planted");

        Verification verification = backupsAt("2027-06-02T12:00:00Z").verify(backup.dump());

        assertThat(verification.sound()).isFalse();
        assertThat(verification.problems()).containsExactly(
                "size is " + (DUMP.length() + 14) + " bytes; the manifest says " + DUMP.length(),
                "SHA-256 is " + Sha256.hex(DUMP + "\nTABLE planted") + "; the manifest says " + Sha256.hex(DUMP));
    }

    @Test
    void a_dump_pg_restore_cannot_read_is_damaged_even_when_its_checksum_matches() {
        dumps.writes("not a dump at all");
        Backup backup = backupsAt("2027-06-01T12:00:00Z").create(DIRECTORY, progress::add);

        Verification verification = backupsAt("2027-06-02T12:00:00Z").verify(backup.dump());

        assertThat(verification.problems()).singleElement().asString().startsWith("pg_restore cannot read it:");
    }

    @Test
    void a_dump_with_nothing_in_it_is_damaged() {
        dumps.writes("PGDMP");
        Backup backup = backupsAt("2027-06-01T12:00:00Z").create(DIRECTORY, progress::add);

        Verification verification = backupsAt("2027-06-02T12:00:00Z").verify(backup.dump());

        assertThat(verification.problems()).containsExactly("pg_restore lists nothing in it");
    }

    @Test
    void only_a_dump_with_its_manifest_beside_it_can_be_verified() {
        store.strayDump(DIRECTORY, "copied-by-hand.dump");
        ManageBackupsService backups = backupsAt("2027-06-01T12:00:00Z");

        assertThatThrownBy(() -> backups.verify(DIRECTORY + "/missing.dump")).hasMessage("There is no file " + DIRECTORY + "/missing.dump.");
        assertThatThrownBy(() -> backups.verify(DIRECTORY + "/copied-by-hand.dump")).hasMessageContaining("There is no manifest");
    }

    @Test
    void a_damaged_backup_is_never_restored() {
        Backup backup = backupsAt("2027-06-01T12:00:00Z").create(DIRECTORY, progress::add);
        store.write(backup.dump(), "PGDMP\nTABLE users");

        RestoreResult result = backupsAt("2027-06-02T12:00:00Z").restore(backup.dump(), "motel_restored", true, progress::add);

        assertThat(result).isInstanceOfSatisfying(RestoreResult.Refused.class,
                refused -> assertThat(refused.reason()).startsWith("The backup is damaged: size is"));
        assertThat(dumps.actions).isEmpty();
    }

    @Test
    void a_backup_restores_into_a_new_database_it_creates() {
        Backup backup = backupsAt("2027-06-01T12:00:00Z").create(DIRECTORY, progress::add);

        RestoreResult result = backupsAt("2027-06-02T12:00:00Z").restore(backup.dump(), "motel_restored", false, progress::add);

        assertThat(result).isEqualTo(new RestoreResult.Restored("motel_restored", backup));
        assertThat(dumps.actions).containsExactly("create motel_restored", "restore " + backup.dump() + " into motel_restored");
    }

    @Test
    void an_empty_database_is_restored_into_as_it_is() {
        dumps.databases.put("motel_copy", TargetState.EMPTY);
        Backup backup = backupsAt("2027-06-01T12:00:00Z").create(DIRECTORY, progress::add);

        RestoreResult result = backupsAt("2027-06-02T12:00:00Z").restore(backup.dump(), "motel_copy", false, progress::add);

        assertThat(result).isInstanceOf(RestoreResult.Restored.class);
        assertThat(dumps.actions).containsExactly("restore " + backup.dump() + " into motel_copy");
    }

    @Test
    void a_database_that_holds_data_is_restored_over_only_when_forced_and_emptied_first() {
        Backup backup = backupsAt("2027-06-01T12:00:00Z").create(DIRECTORY, progress::add);
        ManageBackupsService backups = backupsAt("2027-06-02T12:00:00Z");

        RestoreResult unforced = backups.restore(backup.dump(), "motel", false, progress::add);

        assertThat(unforced).isInstanceOfSatisfying(RestoreResult.Refused.class,
                refused -> assertThat(refused.reason()).contains("exists and holds data").contains("--force"));
        assertThat(dumps.actions).isEmpty();

        RestoreResult forced = backups.restore(backup.dump(), "motel", true, progress::add);

        assertThat(forced).isInstanceOf(RestoreResult.Restored.class);
        assertThat(dumps.actions).containsExactly("empty motel", "restore " + backup.dump() + " into motel");
    }

    @Test
    void a_target_that_is_not_a_plain_database_name_is_refused_before_the_backup_is_read() {
        ManageBackupsService backups = backupsAt("2027-06-01T12:00:00Z");

        for (String target : List.of("Bad-Name", "motel; DROP DATABASE motel", "", "9lives")) {
            RestoreResult result = backups.restore(DIRECTORY + "/missing.dump", target, true, progress::add);

            assertThat(result).as(target).isInstanceOfSatisfying(RestoreResult.Refused.class,
                    refused -> assertThat(refused.reason()).contains("lower-case letters, digits and underscores"));
        }
        assertThat(progress).isEmpty();
        assertThat(dumps.actions).isEmpty();
    }

    @Test
    void pruning_keeps_the_newest_backups_and_deletes_the_older_ones_with_their_manifests() {
        Backup oldest = backupsAt("2027-06-07T02:00:00Z").create(DIRECTORY, progress::add);
        Backup older = backupsAt("2027-06-08T02:00:00Z").create(DIRECTORY, progress::add);
        Backup newest = backupsAt("2027-06-09T02:00:00Z").create(DIRECTORY, progress::add);

        List<Backup> deleted = backupsAt("2027-06-09T08:00:00Z").prune(DIRECTORY, 1);

        assertThat(deleted).containsExactly(older, oldest);
        assertThat(store.files).containsOnlyKeys(newest.dump());
        assertThat(store.manifest(oldest.dump())).isEmpty();
        assertThat(backupsAt("2027-06-09T08:00:01Z").prune(DIRECTORY, 5)).as("fewer than kept: nothing to delete").isEmpty();
    }

    @Test
    void pruning_every_backup_away_is_refused() {
        Backup only = backupsAt("2027-06-07T02:00:00Z").create(DIRECTORY, progress::add);

        assertThatThrownBy(() -> backupsAt("2027-06-09T08:00:00Z").prune(DIRECTORY, 0)).hasMessage("Keep at least one backup.");

        assertThat(store.files).containsOnlyKeys(only.dump());
    }

    @Test
    void a_backup_of_a_database_never_migrated_records_no_schema_version() {
        ManageBackupsService backups = new ManageBackupsService(dumps, store,
                new InspectDatabaseSchemaService(new InMemorySchemaMigrations(List.of(pending("1", "extensions")))),
                Clock.fixed(Instant.parse("2027-06-01T12:00:00Z"), ZoneOffset.UTC));

        assertThat(backups.create(DIRECTORY, progress::add).schemaVersion()).isEqualTo("none");
    }

    /** The service as it runs at that instant, over the same store and server, on a schema at version 13. */
    private ManageBackupsService backupsAt(String instant) {
        InMemorySchemaMigrations migrations = new InMemorySchemaMigrations(List.of(applied("12", "keyed audit chain"),
                applied("13", "promotion uses")));
        return new ManageBackupsService(dumps, store, new InspectDatabaseSchemaService(migrations),
                Clock.fixed(Instant.parse(instant), ZoneOffset.UTC));
    }
}
