package com.westbethel.motel.adapters.persistence.operations;

import com.westbethel.motel.application.operations.port.out.BackupStore;
import com.westbethel.motel.application.operations.port.out.BackupStore.Backup;
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
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Stream;

/**
 * Backups as files: {@code <name>.dump} with {@code <name>.dump.manifest} beside it, a properties file. Where the file
 * system knows POSIX permissions, directories are {@code rwx------} and files {@code rw-------} from their first byte.
 */
public class FileSystemBackupStore implements BackupStore {

    private static final String MANIFEST = ".manifest";
    private static final String PARTIAL = ".partial";

    @Override
    public NewDump reserve(String directory, String name) {
        Path folder = Path.of(directory);
        Path dump = folder.resolve(name);
        Path partial = folder.resolve(name + PARTIAL);
        try {
            createPrivately(folder, true);
            if (Files.exists(dump)) {
                throw new IllegalStateException(dump + " exists already; try again.");
            }
            createPrivately(partial, false);
        } catch (IOException e) {
            throw cannotWrite(dump, e);
        }
        return new NewDump(partial.toString(), dump.toString());
    }

    @Override
    public void complete(NewDump dump) {
        try {
            Files.move(Path.of(dump.partial()), Path.of(dump.dump()), StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw cannotWrite(Path.of(dump.dump()), e);
        }
    }

    @Override
    public void discard(NewDump dump) {
        try {
            Files.deleteIfExists(Path.of(dump.partial()));
        } catch (IOException e) {
            throw cannotWrite(Path.of(dump.dump()), e);
        }
    }

    @Override
    public boolean holds(String dump) {
        return Files.isRegularFile(Path.of(dump));
    }

    @Override
    public long size(String dump) {
        try {
            return Files.size(Path.of(dump));
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        }
    }

    @Override
    public String sha256(String dump) {
        try (DigestInputStream in = new DigestInputStream(Files.newInputStream(Path.of(dump)), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(in.getMessageDigest().digest());
        } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is unavailable", e);
        }
    }

    @Override
    public void writeManifest(Backup backup) {
        Properties manifest = new Properties();
        manifest.setProperty("createdAt", backup.createdAt().toString());
        manifest.setProperty("database", backup.database());
        manifest.setProperty("schemaVersion", backup.schemaVersion());
        manifest.setProperty("size", String.valueOf(backup.size()));
        manifest.setProperty("sha256", backup.sha256());
        Path dump = Path.of(backup.dump());
        manifest.setProperty("file", dump.getFileName().toString());
        try {
            createPrivately(manifestOf(dump), false);
            try (Writer out = Files.newBufferedWriter(manifestOf(dump), StandardCharsets.UTF_8)) {
                manifest.store(out, "West Bethel Motel backup (pg_dump custom format)");
            }
        } catch (IOException e) {
            throw cannotWrite(dump, e);
        }
    }

    @Override
    public Optional<Backup> manifest(String dump) {
        Path file = Path.of(dump);
        return Files.exists(manifestOf(file)) ? Optional.of(readManifest(file)) : Optional.empty();
    }

    @Override
    public List<Backup> backups(String directory) {
        Path folder = Path.of(directory);
        if (!Files.isDirectory(folder)) {
            throw new IllegalArgumentException(directory + " is not a directory.");
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".dump") && Files.exists(manifestOf(file)))
                    .map(FileSystemBackupStore::readManifest)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void delete(Backup backup) {
        Path dump = Path.of(backup.dump());
        try {
            Files.deleteIfExists(dump);
            Files.deleteIfExists(manifestOf(dump));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Backup readManifest(Path dump) {
        Properties manifest = new Properties();
        try (Reader in = Files.newBufferedReader(manifestOf(dump), StandardCharsets.UTF_8)) {
            manifest.load(in);
            return new Backup(dump.toString(), Instant.parse(manifest.getProperty("createdAt")), manifest.getProperty("database"),
                    manifest.getProperty("schemaVersion"), Long.parseLong(manifest.getProperty("size")), manifest.getProperty("sha256"));
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("The manifest " + manifestOf(dump) + " is unreadable: " + e.getMessage(), e);
        }
    }

    private static Path manifestOf(Path dump) {
        return dump.resolveSibling(dump.getFileName() + MANIFEST);
    }

    private static UncheckedIOException cannotWrite(Path dump, IOException e) {
        return new UncheckedIOException("Cannot write the backup " + dump + ": " + e.getMessage(), e);
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
}
