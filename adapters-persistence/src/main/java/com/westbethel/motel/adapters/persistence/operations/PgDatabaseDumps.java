package com.westbethel.motel.adapters.persistence.operations;

import com.westbethel.motel.application.operations.port.out.DatabaseDumps;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.dao.DataAccessResourceFailureException;

/**
 * {@code pg_dump} and {@code pg_restore} against the server of the configured JDBC URL, with its user and
 * password (passed in the environment, never on the command line where {@code ps} would show it).
 */
public class PgDatabaseDumps implements DatabaseDumps {

    private static final Pattern URL = Pattern.compile("jdbc:postgresql://([^:/?]+)(?::(\\d+))?/([^?]+)(\\?.*)?");
    private static final Pattern NAME = Pattern.compile("[a-z_][a-z0-9_]{0,62}");
    private static final Map<String, String> LIBPQ_TLS = Map.of("sslmode", "PGSSLMODE", "sslrootcert", "PGSSLROOTCERT", "sslcert", "PGSSLCERT",
            "sslkey", "PGSSLKEY");

    private final String host;
    private final String port;
    private final String database;
    private final String user;
    private final String password;
    private final String query;

    public PgDatabaseDumps(String jdbcUrl, String user, String password) {
        Matcher url = URL.matcher(jdbcUrl);
        if (!url.matches()) {
            throw new IllegalArgumentException("Backups need a jdbc:postgresql://host:port/database URL, not "
                    + FlywaySchemaMigrations.withoutCredentials(jdbcUrl));
        }
        this.host = url.group(1);
        this.port = url.group(2) == null ? "5432" : url.group(2);
        this.database = url.group(3);
        this.query = url.group(4) == null ? "" : url.group(4);
        this.user = user;
        this.password = password == null ? "" : password;
    }

    @Override
    public String database() {
        return database;
    }

    @Override
    public void dump(String file) {
        run(List.of("pg_dump", "--format=custom", "--file=" + file, "--dbname=" + database));
    }

    @Override
    public List<String> contents(String file) {
        List<String> entries = new ArrayList<>();
        for (String line : run(List.of("pg_restore", "--list", file)).split("\n")) {
            if (!line.isBlank() && !line.startsWith(";")) {
                entries.add(line);
            }
        }
        return entries;
    }

    @Override
    public TargetState state(String target) {
        checkName(target);
        try (Connection connection = connect(database);
                PreparedStatement exists = connection.prepareStatement("SELECT count(*) FROM pg_database WHERE datname = ?")) {
            exists.setString(1, target);
            try (ResultSet row = exists.executeQuery()) {
                row.next();
                if (row.getLong(1) == 0) {
                    return TargetState.ABSENT;
                }
            }
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cannot reach PostgreSQL at " + host + ":" + port + ": " + e.getMessage(), e);
        }
        try (Connection connection = connect(target);
                ResultSet row = connection.createStatement().executeQuery(
                        "SELECT count(*) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                                + "WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%' "
                                + "AND c.relkind IN ('r', 'p', 'v', 'm', 'S')")) {
            row.next();
            return row.getLong(1) == 0 ? TargetState.EMPTY : TargetState.NOT_EMPTY;
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException("Cannot read database " + target + ": " + e.getMessage(), e);
        }
    }

    @Override
    public void create(String target) {
        checkName(target);
        execute(database, "CREATE DATABASE " + target, "Cannot create database " + target);
    }

    @Override
    public void empty(String target) {
        checkName(target);
        execute(target, "DROP SCHEMA public CASCADE; CREATE SCHEMA public", "Cannot empty database " + target);
    }

    @Override
    public void restore(String file, String target) {
        checkName(target);
        // Objects end up owned by the restoring role, so a dump restores on another server or under another role.
        run(List.of("pg_restore", "--no-owner", "--no-privileges", "--exit-on-error", "--single-transaction", "--dbname=" + target,
                file));
    }

    private Map<String, String> tlsSettings() {
        Map<String, String> settings = new HashMap<>();
        if (query.length() > 1) {
            for (String pair : query.substring(1).split("&")) {
                String[] keyValue = pair.split("=", 2);
                String variable = LIBPQ_TLS.get(keyValue[0]);
                if (variable != null && keyValue.length == 2) {
                    settings.put(variable, URLDecoder.decode(keyValue[1], StandardCharsets.UTF_8));
                }
            }
        }
        return settings;
    }

    /** Runs one statement connected to {@code name}; the failure says what could not be done, then PostgreSQL's reason. */
    private void execute(String name, String sql, String failure) {
        try (Connection connection = connect(name)) {
            connection.createStatement().execute(sql);
        } catch (SQLException e) {
            throw new DataAccessResourceFailureException(failure + ": " + e.getMessage(), e);
        }
    }

    private Connection connect(String name) throws SQLException {
        return DriverManager.getConnection("jdbc:postgresql://" + host + ":" + port + "/" + name + query, user, password);
    }

    private static void checkName(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("A database name is lower-case letters, digits and underscores: " + name + " is not.");
        }
    }

    /** Runs a PostgreSQL tool; its standard output on success, its error output in the exception otherwise. */
    private String run(List<String> command) {
        List<String> full = new ArrayList<>(command);
        full.add(1, "--host=" + host);
        full.add(2, "--port=" + port);
        full.add(3, "--username=" + user);
        full.add(4, "--no-password");
        ProcessBuilder builder = new ProcessBuilder(full);
        Map<String, String> environment = builder.environment();
        environment.put("PGPASSWORD", password);
        environment.put("PGAPPNAME", "motel-admin");
        // The URL's TLS settings, which the JDBC driver and libpq name alike, so that the tools connect as securely as the tool itself.
        for (Map.Entry<String, String> tls : tlsSettings().entrySet()) {
            environment.put(tls.getKey(), tls.getValue());
        }
        try {
            Process process = builder.start();
            // Read the error output alongside, so that neither pipe fills up and blocks the tool.
            StringBuilder errors = new StringBuilder();
            Thread drain = new Thread(() -> {
                try {
                    errors.append(new String(process.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException ignored) {
                    // The tool's exit code tells what matters.
                }
            });
            drain.start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int exit = process.waitFor();
            drain.join();
            if (exit != 0) {
                throw new IllegalStateException(command.get(0) + " failed (exit " + exit + "): " + errors.toString().strip());
            }
            return output;
        } catch (IOException e) {
            throw new IllegalStateException(command.get(0) + " cannot be run (is the PostgreSQL client installed?): " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(command.get(0) + " was interrupted", e);
        }
    }
}
