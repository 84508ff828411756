package com.westbethel.motel.adapters.persistence.startup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import java.io.IOException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class StartupPreflightIT {

    @Test
    void a_reachable_database_passes() {
        MockEnvironment environment = database(TestDatabase.URL);

        assertThatCode(() -> StartupPreflight.probeDatabase(environment)).doesNotThrowAnyException();
    }

    @Test
    void an_unreachable_database_names_the_address_the_cause_and_how_to_start_it() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        MockEnvironment environment = database("jdbc:postgresql://127.0.0.1:" + closedPort + "/motel?ssl=false");

        assertThatThrownBy(() -> StartupPreflight.probeDatabase(environment))
                .isInstanceOf(StartupPreconditionException.class)
                .hasMessage("PostgreSQL is not reachable at 127.0.0.1:%d/motel: Connection refused.", closedPort)
                .extracting(failure -> ((StartupPreconditionException) failure).action())
                .isEqualTo(StartupPreflight.HOW_TO_START);
    }

    @Test
    void a_missing_database_is_reported_in_the_servers_words() {
        MockEnvironment environment = database("jdbc:postgresql://127.0.0.1:5432/motel_no_such_database");

        assertThatThrownBy(() -> StartupPreflight.probeDatabase(environment))
                .isInstanceOf(StartupPreconditionException.class)
                .hasMessageContaining("motel_no_such_database")
                .hasMessageContaining("does not exist")
                .satisfies(failure -> assertThat(((StartupPreconditionException) failure).oneLine()).doesNotContain("\n"));
    }

    @Test
    void a_listed_secret_left_empty_stops_the_start_and_names_its_environment_variable() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("motel.required-secrets", "spring.datasource.password, motel.security.jwt-signing-key")
                .withProperty("spring.datasource.password", "from-the-vault")
                .withProperty("motel.security.jwt-signing-key", " ");

        assertThatThrownBy(() -> StartupPreflight.requireSecrets(environment))
                .isInstanceOf(StartupPreconditionException.class)
                .hasMessage("Missing required secret 'motel.security.jwt-signing-key'.")
                .extracting(failure -> ((StartupPreconditionException) failure).action())
                .isEqualTo("Set the environment variable MOTEL_SECURITY_JWTSIGNINGKEY (or the property motel.security.jwt-signing-key).");
    }

    @Test
    void secrets_that_are_set_pass() {
        MockEnvironment environment = new MockEnvironment()
                .withProperty("motel.required-secrets", "spring.datasource.password")
                .withProperty("spring.datasource.password", "from-the-vault");

        assertThatCode(() -> StartupPreflight.requireSecrets(environment)).doesNotThrowAnyException();
    }

    private static MockEnvironment database(String url) {
        return new MockEnvironment()
                .withProperty("spring.datasource.url", url)
                .withProperty("spring.datasource.username", TestDatabase.USER)
                .withProperty("spring.datasource.password", TestDatabase.PASSWORD);
    }
}
