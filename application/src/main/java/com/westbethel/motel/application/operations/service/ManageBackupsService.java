package com.westbethel.motel.application.operations.service;

import com.westbethel.motel.application.operations.port.in.InspectDatabaseSchemaUseCase;
import com.westbethel.motel.application.operations.port.in.ManageBackupsUseCase;
import com.westbethel.motel.application.operations.port.out.DatabaseDumps;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Backups as dump files with a {@code .manifest} beside each; see {@link ManageBackupsUseCase}. */
public class ManageBackupsService implements ManageBackupsUseCase {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmssSSS'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern DATABASE_NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final String MANIFEST = ".manifest";

    private final DatabaseDumps dumps;
    private final InspectDatabaseSchemaUseCase schema;
    private final Clock clock;

    public ManageBackupsService(DatabaseDumps dumps, InspectDatabaseSchemaUseCase schema, Clock clock) {
        this.dumps = dumps;
        this.schema = schema;
        this.clock = clock;
    }

    @Override
    public Backup create(Path directory, Consumer<String> progress) {
        Instant now = clock.instant();
        String database = dumps.database();
        Path dump = directory.resolve("motel-" + database + "-" + STAMP.format(now) + ".dump");
        Path partial = dump.resolveSibling(dump.getFileName() + ".partial");
        try {
            createPrivately(directory, true);
            if (Files.exists(dump)) {
                throw new IllegalStateException(dump + " exists already; try again.");
            }
            // The dump holds password hashes and guests' personal data: readable by its owner alone, from its first byte.
            createPrivately(partial, false);
            progress.accept("dumping " + database + " to " + dump);
            try {
                dumps.dump(partial);
            } catch (RuntimeException failed) {
                Files.deleteIfExists(partial);
                throw failed;
            }
            // Only a complete dump takes the backup's name.
            Files.move(partial, dump, StandardCopyOption.ATOMIC_MOVE);
            progress.accept("checksumming " + Files.size(dump) + " bytes");
            Backup backup = new Backup(dump, now, database, schema.inspectDatabaseSchema().currentVersion().orElse("none"), Files.size(dump),
                    sha256(dump));
            writeManifest(backup);
            return backup;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the backup in " + directory + ": " + e.getMessage(), e);
        }
    }

    @Override
    public List<Backup> list(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a directory.");
        }
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".dump") && Files.exists(manifestOf(file)))
                    .map(this::readManifest)
                    .sorted(Comparator.comparing(Backup::createdAt).reversed())
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Verification verify(Path dump) {
        if (!Files.isRegularFile(dump)) {
            throw new IllegalArgumentException("There is no file " + dump + ".");
        }
        if (!Files.exists(manifestOf(dump))) {
            throw new IllegalArgumentException("There is no manifest " + manifestOf(dump) + " beside the dump.");
        }
        Backup recorded = readManifest(dump);
        List<String> problems = new ArrayList<>();
        try {
            long size = Files.size(dump);
            if (size != recorded.size()) {
                problems.add("size is " + size + " bytes; the manifest says " + recorded.size());
            }
            String checksum = sha256(dump);
            if (!checksum.equals(recorded.sha256())) {
                problems.add("SHA-256 is " + checksum + "; the manifest says " + recorded.sha256());
            }
        } catch (IOException e) {
            problems.add("cannot read the dump: " + e.getMessage());
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
    public RestoreResult restore(Path dump, String targetDatabase, boolean force, Consumer<String> progress) {
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
    public List<Backup> prune(Path directory, int keep) {
        if (keep < 1) {
            throw new IllegalArgumentException("Keep at least one backup.");
        }
        List<Backup> all = list(directory);
        List<Backup> deleted = all.subList(Math.min(keep, all.size()), all.size());
        for (Backup backup : deleted) {
            try {
                Files.deleteIfExists(backup.dump());
                Files.deleteIfExists(manifestOf(backup.dump()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return List.copyOf(deleted);
    }

    private static Path manifestOf(Path dump) {
        return dump.resolveSibling(dump.getFileName() + MANIFEST);
    }

    private static void createPrivately(Path path, boolean directory) throws IOException {
        boolean posix = path.getFileSystem().supportedFileAttributeViews().contains("posix");
        if (directory) {
            if (!Files.isDirectory(path)) {
                if (posix) {
                    Files.createDirectories(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwx------")));
                } else {
                    Files.createDirectories(path);
                }
            }
        } else if (posix) {
            Files.createFile(path, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } else {
            Files.createFile(path);
        }
    }

    private static void writeManifest(Backup backup) throws IOException {
        Properties manifest = new Properties();
        manifest.setProperty("createdAt", backup.createdAt().toString());
        manifest.setProperty("database", backup.database());
        manifest.setProperty("schemaVersion", backup.schemaVersion());
        manifest.setProperty("size", String.valueOf(backup.size()));
        manifest.setProperty("sha256", backup.sha256());
        manifest.setProperty("file", backup.dump().getFileName().toString());
        createPrivately(manifestOf(backup.dump()), false);
        try (Writer out = Files.newBufferedWriter(manifestOf(backup.dump()), StandardCharsets.UTF_8)) {
            manifest.store(out, "West Bethel Motel backup (pg_dump custom format)");
        }
    }

    private Backup readManifest(Path dump) {
        Properties manifest = new Properties();
        try (Reader in = Files.newBufferedReader(manifestOf(dump), StandardCharsets.UTF_8)) {
            manifest.load(in);
            return new Backup(dump, Instant.parse(manifest.getProperty("createdAt")), manifest.getProperty("database"),
                    manifest.getProperty("schemaVersion"), Long.parseLong(manifest.getProperty("size")), manifest.getProperty("sha256"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The manifest " + manifestOf(dump) + " is unreadable: " + e.getMessage(), e);
        }
    }

    private static String sha256(Path file) throws IOException {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }
}
