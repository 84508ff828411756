package com.westbethel.motel.adapters.persistence.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.application.operations.port.out.SchemaMigrations.Migration;
import com.westbethel.motel.application.operations.port.out.SchemaMigrations.MigrationState;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Every migration applied to a brand-new database, as on a fresh machine or in production, and the
 * schema's own rules checked there. The shared test database cannot show this: it is already migrated.
 */
class MigrationsFromScratchIT {

    private final JdbcClient admin = JdbcClient.create(TestDatabase.dataSource(TestDatabase.URL));
    private final String database = "motel_scratch_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private DataSource scratch;
    private Flyway flyway;

    @BeforeEach
    void createEmptyDatabase() {
        admin.sql("CREATE DATABASE " + database).update();
        scratch = TestDatabase.dataSource(TestDatabase.URL.substring(0, TestDatabase.URL.lastIndexOf('/') + 1) + database);
        flyway = TestDatabase.flyway(scratch);
    }

    @AfterEach
    void dropDatabase() {
        admin.sql("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)").update();
    }

    @Test
    void before_migrating_every_migration_is_pending_and_the_database_is_named_without_credentials() {
        FlywaySchemaMigrations schema = new FlywaySchemaMigrations(flyway);

        List<Migration> migrations = schema.migrations();

        assertThat(migrations).isNotEmpty().allSatisfy(migration -> assertThat(migration.state()).isEqualTo(MigrationState.PENDING));
        assertThat(schema.database()).isEqualTo("postgresql://127.0.0.1:5432/" + database).doesNotContain("motel:motel");
    }

    @Test
    void all_migrations_apply_to_an_empty_database_and_are_then_reported_applied() {
        flyway.migrate();

        List<Migration> migrations = new FlywaySchemaMigrations(flyway).migrations();

        assertThat(migrations).extracting(Migration::version).startsWith("1", "2");
        assertThat(migrations).allSatisfy(migration -> {
            assertThat(migration.state()).isEqualTo(MigrationState.APPLIED);
            assertThat(migration.installedOn()).isPresent();
        });
    }

    @Test
    void the_email_queue_refuses_unknown_statuses_and_inconsistent_rows() {
        flyway.migrate();
        JdbcClient jdbc = JdbcClient.create(scratch);

        assertThatThrownBy(() -> insertEmail(jdbc, "LOST", "NULL")).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertEmail(jdbc, "SENT", "NULL")).isInstanceOf(DataIntegrityViolationException.class);
        assertThatThrownBy(() -> insertEmail(jdbc, "QUEUED", "now()")).isInstanceOf(DataIntegrityViolationException.class);
        insertEmail(jdbc, "SENT", "now()");
        assertThat(jdbc.sql("SELECT count(*) FROM email_queue").query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void btree_gist_is_installed_for_the_exclusion_constraints_that_forbid_double_booking() {
        flyway.migrate();

        assertThat(JdbcClient.create(scratch).sql("SELECT count(*) FROM pg_extension WHERE extname = 'btree_gist'")
                .query(Long.class).single()).isEqualTo(1);
    }

    private static void insertEmail(JdbcClient jdbc, String status, String sentAt) {
        jdbc.sql("INSERT INTO email_queue (id, template, recipient, message_id, status, sent_at) "
                        + "VALUES (:id, 'welcome-email', 'guest@example.com', :messageId, :status, " + sentAt + ")")
                .param("id", UUID.randomUUID())
                .param("messageId", "<" + UUID.randomUUID() + "@test>")
                .param("status", status)
                .update();
    }
}
