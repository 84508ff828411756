package com.westbethel.motel.bootstrap.cli;

import com.westbethel.motel.application.operations.port.in.ManageBackupsUseCase;
import com.westbethel.motel.application.operations.port.in.ManageBackupsUseCase.RestoreResult;
import com.westbethel.motel.application.operations.port.in.ManageBackupsUseCase.Verification;
import com.westbethel.motel.application.operations.port.out.BackupStore.Backup;
import java.io.Console;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "backup",
        description = "Backups of the database: pg_dump's custom format with a manifest (time, database, schema version, size, SHA-256).",
        mixinStandardHelpOptions = true,
        subcommands = {BackupCommand.Create.class, BackupCommand.ListBackups.class, BackupCommand.Verify.class, BackupCommand.Restore.class,
            BackupCommand.Prune.class})
class BackupCommand {

    /** Where backups are kept: one option, one default, for every command that needs it. */
    static class BackupDirectory {

        @Option(names = "--dir", defaultValue = "${MOTEL_BACKUP_DIR:-backups}", paramLabel = "DIR",
                description = "Where backups are kept (default ${DEFAULT-VALUE}, or MOTEL_BACKUP_DIR).")
        Path path;
    }

    static Map<String, Object> json(Backup backup) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", backup.dump());
        json.put("createdAt", backup.createdAt().toString());
        json.put("database", backup.database());
        json.put("schemaVersion", backup.schemaVersion());
        json.put("size", backup.size());
        json.put("sha256", backup.sha256());
        return json;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, description = "Dumps the database into a new backup.",
            footer = {"", "Example:", "  motel-admin backup create --dir /var/backups/motel"})
    static class Create extends AdminCommand {

        @Mixin
        BackupDirectory directory;

        @Mixin
        JsonOption format;

        @Override
        public Integer call() {
            Backup backup = beans.get(ManageBackupsUseCase.class).create(directory.path.toString(), output.progress());
            if (format.json) {
                output.json(json(backup));
            } else {
                output.out().printf("Backed up %s (schema version %s) to %s: %d bytes, SHA-256 %s%n", backup.database(), backup.schemaVersion(),
                        backup.dump(), backup.size(), backup.sha256());
            }
            return 0;
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "The backups in a directory, newest first.",
            footer = {"", "Example:", "  motel-admin backup list --dir /var/backups/motel --json"})
    static class ListBackups extends AdminCommand {

        @Mixin
        BackupDirectory directory;

        @Mixin
        JsonOption format;

        @Override
        public Integer call() {
            List<Backup> backups = beans.get(ManageBackupsUseCase.class).list(directory.path.toString());
            if (format.json) {
                output.json(backups.stream().map(BackupCommand::json).toList());
            } else {
                output.table(List.of("CREATED", "DATABASE", "SCHEMA", "SIZE", "FILE"), backups.stream()
                        .map(backup -> List.of(backup.createdAt().truncatedTo(ChronoUnit.SECONDS).toString(), backup.database(), backup.schemaVersion(), String.valueOf(backup.size()),
                                backup.dump()))
                        .toList());
            }
            return 0;
        }
    }

    @Command(name = "verify", mixinStandardHelpOptions = true,
            description = "Checks a backup: its size and SHA-256 against the manifest, and that pg_restore can read it. Exit 1 when damaged.",
            footer = {"", "Example:", "  motel-admin backup verify backups/motel-motel-20261127T120000000Z.dump"})
    static class Verify extends AdminCommand {

        @Parameters(paramLabel = "FILE")
        Path dump;

        @Mixin
        JsonOption format;

        @Override
        public Integer call() {
            Verification verification = beans.get(ManageBackupsUseCase.class).verify(dump.toString());
            if (format.json) {
                Map<String, Object> json = json(verification.backup());
                json.put("sound", verification.sound());
                json.put("entries", verification.entries());
                json.put("problems", verification.problems());
                output.json(json);
            } else if (verification.sound()) {
                output.out().printf("%s is sound: checksum matches, %d entries readable.%n", dump, verification.entries());
            } else {
                output.out().printf("%s is DAMAGED: %s%n", dump, String.join("; ", verification.problems()));
            }
            return verification.sound() ? 0 : MotelAdmin.FAILURE;
        }
    }

    @Command(name = "restore", mixinStandardHelpOptions = true,
            description = "Restores a verified backup into a database, in one transaction: a new one is created; an existing one must "
                    + "be empty unless --force.",
            footer = {"", "Examples:", "  motel-admin backup restore backups/motel-motel-20261127T120000000Z.dump --target-db motel_restored --yes",
                "  motel-admin backup restore FILE --target-db motel --force --yes   (over the live data: stop the API and worker first)"})
    static class Restore extends AdminCommand {

        @Parameters(paramLabel = "FILE")
        Path dump;

        @Option(names = "--target-db", required = true, paramLabel = "NAME", description = "The database to restore into.")
        String target;

        @Option(names = "--yes", description = "Do not ask for confirmation (needed when not on a terminal).")
        boolean yes;

        @Option(names = "--force", description = "Restore over a database that holds data: it is emptied first (stop the API and "
                + "the worker). The restore itself is one transaction; should it fail, the database is left empty, never half-restored.")
        boolean force;

        @Override
        public Integer call() {
            if (!yes) {
                Console console = System.console();
                if (console == null) {
                    output.err().println("motel-admin: Not on a terminal: add --yes to confirm the restore.");
                    return MotelAdmin.FAILURE;
                }
                String answer = console.readLine("Restore %s into database %s? [y/N] ", dump, target);
                if (answer == null || !answer.strip().equalsIgnoreCase("y")) {
                    output.err().println("motel-admin: Nothing restored.");
                    return MotelAdmin.FAILURE;
                }
            }
            RestoreResult result = beans.get(ManageBackupsUseCase.class).restore(dump.toString(), target, force, output.progress());
            if (result instanceof RestoreResult.Refused refused) {
                output.err().println("motel-admin: " + refused.reason());
                return MotelAdmin.FAILURE;
            }
            RestoreResult.Restored restored = (RestoreResult.Restored) result;
            output.out().printf("Restored %s (taken %s from %s, schema version %s) into %s.%n", dump, restored.backup().createdAt(),
                    restored.backup().database(), restored.backup().schemaVersion(), restored.database());
            if (force) {
                output.out().println("Run motel-admin cache evict before starting the API and the worker: Redis still holds what was cached before.");
            }
            return 0;
        }
    }

    @Command(name = "prune", mixinStandardHelpOptions = true, description = "Deletes all but the newest N backups of a directory.",
            footer = {"", "Example:", "  motel-admin backup prune --keep 14 --dir /var/backups/motel"})
    static class Prune extends AdminCommand {

        @Option(names = "--keep", required = true, paramLabel = "N", description = "How many of the newest backups to keep (at least 1).")
        int keep;

        @Mixin
        BackupDirectory directory;

        @Mixin
        JsonOption format;

        @Override
        public Integer call() {
            List<Backup> deleted = beans.get(ManageBackupsUseCase.class).prune(directory.path.toString(), keep);
            if (format.json) {
                output.json(deleted.stream().map(BackupCommand::json).toList());
            } else {
                deleted.forEach(backup -> output.out().println("Deleted " + backup.dump()));
                output.out().println("Kept the newest " + keep + "; deleted " + deleted.size() + ".");
            }
            return 0;
        }
    }
}
