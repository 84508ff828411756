package com.westbethel.motel.bootstrap.worker;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.adapters.persistence.startup.StartupPreconditionException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;

/** Finding 12: the worker's prod profile refuses the development secrets, like the API's (one check: StartupPreflight). */
class WorkerProductionProfileTest {

    @Test
    void in_production_the_worker_will_not_start_on_the_development_database_password() {
        // The development password (motel-persistence.yml) would otherwise be used silently; the check runs before any bean.
        SpringApplicationBuilder worker = new SpringApplicationBuilder(MotelWorkerApplication.class).profiles("prod")
                .properties("management.server.port=-1", "logging.level.root=OFF");

        assertThatThrownBy(worker::run)
                .isInstanceOf(StartupPreconditionException.class)
                .hasMessage("Missing required secret 'spring.datasource.password'.");
    }

    @Test
    void in_production_the_worker_will_not_start_without_the_key_that_opens_sealed_reset_links() {
        // Without the API's key every password-reset email would go DEAD: better to refuse to start and say why.
        SpringApplicationBuilder worker = new SpringApplicationBuilder(MotelWorkerApplication.class).profiles("prod")
                .properties("management.server.port=-1", "logging.level.root=OFF");

        // As an operator sets it: above the profile's blank default.
        assertThatThrownBy(() -> worker.run("--spring.datasource.password=set-by-the-operator"))
                .isInstanceOf(StartupPreconditionException.class)
                .hasMessage("Missing required secret 'motel.security.mfa-encryption-key'.");
    }

    @Test
    void in_production_the_worker_will_not_start_without_the_audit_chain_key() {
        // Its audit entries (expired holds) would otherwise be chained with the public development key.
        SpringApplicationBuilder worker = new SpringApplicationBuilder(MotelWorkerApplication.class).profiles("prod")
                .properties("management.server.port=-1", "logging.level.root=OFF");

        assertThatThrownBy(() -> worker.run("--spring.datasource.password=set-by-the-operator",
                "--motel.security.mfa-encryption-key=c2V0LWJ5LXRoZS1vcGVyYXRvci0zMi1ieXRlcy1sb25nLWtleQ=="))
                .isInstanceOf(StartupPreconditionException.class)
                .hasMessage("Missing required secret 'motel.audit.hmac-key'.");
    }

    // The emails of payments the worker recovers carry the site's links: no localhost default, and the API's keys.
    @Test
    void in_production_the_worker_will_not_start_without_the_public_address_and_the_keys_of_the_links_its_emails_carry() {
        SpringApplicationBuilder worker = new SpringApplicationBuilder(MotelWorkerApplication.class).profiles("prod")
                .properties("management.server.port=-1", "logging.level.root=OFF");
        String[] secrets = {"--spring.datasource.password=set-by-the-operator",
                "--motel.security.mfa-encryption-key=c2V0LWJ5LXRoZS1vcGVyYXRvci0zMi1ieXRlcy1sb25nLWtleQ==",
                "--motel.audit.hmac-key=c2V0LWJ5LXRoZS1vcGVyYXRvci0zMi1ieXRlcy1sb25nLWtleQ=="};

        assertThatThrownBy(() -> worker.run(secrets))
                .isInstanceOf(StartupPreconditionException.class)
                .hasMessage("Missing required secret 'motel.public-url'.");
        assertThatThrownBy(() -> new SpringApplicationBuilder(MotelWorkerApplication.class).profiles("prod")
                .properties("management.server.port=-1", "logging.level.root=OFF").run(with(secrets, "--motel.public-url=https://westbethelmotel.example")))
                .isInstanceOf(StartupPreconditionException.class)
                .hasMessage("Missing required secret 'motel.booking.manage-link-key'.");
        assertThatThrownBy(() -> new SpringApplicationBuilder(MotelWorkerApplication.class).profiles("prod")
                .properties("management.server.port=-1", "logging.level.root=OFF").run(with(secrets, "--motel.public-url=https://westbethelmotel.example",
                        "--motel.booking.manage-link-key=c2V0LWJ5LXRoZS1vcGVyYXRvci0zMi1ieXRlcy1sb25nLWtleQ==")))
                .isInstanceOf(StartupPreconditionException.class)
                .hasMessage("Missing required secret 'motel.notifications.unsubscribe-key'.");
    }

    private static String[] with(String[] arguments, String... more) {
        return java.util.stream.Stream.concat(java.util.Arrays.stream(arguments), java.util.Arrays.stream(more)).toArray(String[]::new);
    }
}
