package com.westbethel.motel.adapters.persistence;

import com.westbethel.motel.adapters.persistence.audit.AuditChainKey;
import com.westbethel.motel.adapters.persistence.audit.AuditPersistenceConfiguration;
import com.westbethel.motel.adapters.persistence.audit.JdbcAuditLog;
import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * The real PostgreSQL the adapter tests run against, migrated by the project's own migrations: a
 * database of their own ({@code motel_test_adapters}, created on first use next to {@code motel_test},
 * which scripts/services.sh creates), so that the properties and rooms these tests add never become
 * the demo motel the API's tests expect in {@code motel_test}. {@code MOTEL_TEST_ADAPTERS_DATABASE_URL}
 * points elsewhere.
 */
public final class TestDatabase {

    private static final String SERVER = System.getenv().getOrDefault("MOTEL_TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/motel_test");
    public static final String USER = "motel";
    public static final String PASSWORD = "motel";
    public static final String URL = System.getenv().getOrDefault("MOTEL_TEST_ADAPTERS_DATABASE_URL",
            SERVER.substring(0, SERVER.lastIndexOf('/') + 1) + "motel_test_adapters");

    static {
        String name = URL.substring(URL.lastIndexOf('/') + 1);
        JdbcClient server = JdbcClient.create(dataSource(SERVER));
        if (server.sql("SELECT count(*) FROM pg_database WHERE datname = :name").param("name", name).query(Long.class).single() == 0) {
            try {
                server.sql("CREATE DATABASE " + name).update();
            } catch (DataAccessException createdMeanwhile) {
                // Another test JVM created it first.
            }
        }
    }

    private static DataSource shared;

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

    /** The audit log on the database, chained with the development key, linking in transactions of its own. */
    public static JdbcAuditLog auditLog(DataSource dataSource) {
        return new JdbcAuditLog(JdbcClient.create(dataSource), AuditChainKey.developmentKey(),
                AuditPersistenceConfiguration.linkingTransactions(new DataSourceTransactionManager(dataSource)));
    }

    /**
     * The test database with every migration applied, through one pool of connections for the whole test JVM, as the
     * deployables reach it (HikariCP). A new PostgreSQL connection for every statement cost 50 to 100 ms on a busy 2-core
     * machine, most of these tests' time. The pool grows to 64 connections, above the 50 parallel callers of
     * ParallelBookingLimitsIT, so that no race is narrowed by waiting for a connection, and keeps none idle for long.
     */
    public static synchronized DataSource migrated() {
        if (shared == null) {
            HikariDataSource pool = new HikariDataSource();
            pool.setPoolName("motel-test-database");
            pool.setDataSource(dataSource(URL));
            pool.setMaximumPoolSize(64);
            pool.setMinimumIdle(0);
            pool.setIdleTimeout(Duration.ofSeconds(10).toMillis());
            flyway(pool).migrate();
            shared = pool;
        }
        return shared;
    }
}
