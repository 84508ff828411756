package com.westbethel.motel.bootstrap.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DbInfoIT {

    private static final String TEST_DATABASE = System.getenv().getOrDefault(
            "MOTEL_TEST_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/motel_test");

    @BeforeAll
    static void migrateTheTestDatabase() {
        Flyway.configure().dataSource(TEST_DATABASE, "motel", "motel").load().migrate();
    }

    @Test
    void db_info_shows_the_database_without_credentials_its_version_and_each_migration() {
        CliRun run = CliRun.of(Map.of("spring.datasource.url", TEST_DATABASE), "db", "info");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out())
                .contains("Database:        " + TEST_DATABASE.substring("jdbc:".length()))
                .containsPattern("Schema version:  \\d+ \\(up to date\\)")
                .containsPattern("(?m)^1 +APPLIED +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ +extensions$")
                .doesNotContain("password");
    }

    @Test
    void an_unreachable_database_is_one_line_on_stderr_and_exit_code_1() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }

        CliRun run = CliRun.of(Map.of("spring.datasource.url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/motel"), "db", "info");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines()).containsExactly("motel-admin: PostgreSQL is not reachable at 127.0.0.1:" + closedPort
                + "/motel: Connection refused. Start it with scripts/services.sh (development machines), "
                + "or point SPRING_DATASOURCE_URL at a running server.");
    }
}
