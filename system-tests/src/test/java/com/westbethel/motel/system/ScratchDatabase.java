package com.westbethel.motel.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;

/** A database of a test's own on the local PostgreSQL, created empty and dropped at the end. */
final class ScratchDatabase implements AutoCloseable {

    static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";

    final String name;

    private ScratchDatabase(String name) {
        this.name = name;
    }

    static ScratchDatabase create(String prefix) throws SQLException {
        ScratchDatabase database = new ScratchDatabase(prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10));
        try (Connection admin = admin()) {
            admin.createStatement().execute("CREATE DATABASE " + database.name);
        }
        return database;
    }

    String url() {
        return SERVER + name;
    }

    Connection connect() throws SQLException {
        return DriverManager.getConnection(url(), "motel", "motel");
    }

    @Override
    public void close() {
        try (Connection admin = admin()) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException ignored) {
            // A leftover scratch database is harmless.
        }
    }

    /** Connected to the tests' own database (MOTEL_TEST_DATABASE_URL, as every module's tests), to create and drop others. */
    private static Connection admin() throws SQLException {
        return DriverManager.getConnection(System.getenv().getOrDefault("MOTEL_TEST_DATABASE_URL", SERVER + "motel_test"), "motel", "motel");
    }
}
