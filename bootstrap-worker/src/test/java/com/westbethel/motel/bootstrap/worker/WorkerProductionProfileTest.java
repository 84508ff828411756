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
}
