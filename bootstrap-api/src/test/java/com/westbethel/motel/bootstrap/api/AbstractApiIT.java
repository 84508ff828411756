package com.westbethel.motel.bootstrap.api;

import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;

/**
 * Where an HTTP test of the API running in this JVM starts (its {@code @SpringBootTest} says with which properties):
 * a contract-checking {@link HttpProbe} on the API's port, the database behind it, and {@link Guests} to act as people do.
 */
@ActiveProfiles("test")
abstract class AbstractApiIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IdentityConfiguration.MfaEncryptionKey outboxKey;

    HttpProbe http;
    Guests guests;

    @BeforeEach
    void connect() {
        http = new HttpProbe(port);
        guests = new Guests(http, jdbc, outboxKey);
        // Failed logins from the test address must not pile up across runs into a lock.
        jdbc.sql("DELETE FROM login_throttle").update();
    }

    /** How many emails of {@code template} the outbox holds for {@code email}. */
    long queued(String email, String template) {
        return jdbc.sql("SELECT count(*) FROM email_queue WHERE recipient = :email AND template = :template")
                .param("email", email).param("template", template).query(Long.class).single();
    }

    /** The item of a JSON array whose {@code name} is {@code name}. */
    static JsonNode named(JsonNode array, String name) {
        for (JsonNode item : array) {
            if (name.equals(item.path("name").asString())) {
                return item;
            }
        }
        throw new AssertionError("no " + name + " in " + array);
    }
}
