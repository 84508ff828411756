package com.westbethel.motel.adapters.persistence;

import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The real PostgreSQL the adapter tests run against (scripts/services.sh creates it), migrated by the
 * project's own migrations. {@code MOTEL_TEST_DATABASE_URL} points elsewhere.
 */
public final class TestDatabase {

    public static final String URL = System.getenv().getOrDefault(
            "MOTEL_TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/motel_test");
    public static final String USER = "motel";
    public static final String PASSWORD = "motel";

    private TestDatabase() {
    }

    public static DataSource dataSource(String url) {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setURL(url);
        dataSource.setUser(USER);
        dataSource.setPassword(PASSWORD);
        return dataSource;
    }

    public static Flyway flyway(DataSource dataSource) {
        return Flyway.configure().dataSource(dataSource).load();
    }

    /** The test database with every migration applied. */
    public static DataSource migrated() {
        DataSource dataSource = dataSource(URL);
        flyway(dataSource).migrate();
        return dataSource;
    }
}
