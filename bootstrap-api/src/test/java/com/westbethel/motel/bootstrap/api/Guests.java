package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Guests as the HTTP tests need them: one home for signing up and following the verification link. */
final class Guests {

    private Guests() {
    }

    /** A guest who signed up and followed the link in the verification email; their address, {@code prefix-xxxxxxxx@example.com}. */
    static String verifiedGuest(HttpProbe http, JdbcClient jdbc, String prefix, String password) {
        String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertThat(http.post("/api/v1/auth/register", json(Map.of("email", email, "password", password, "firstName", "Kari",
                "lastName", "Holm"))).status()).as("sign-up of " + email).isEqualTo(202);
        String token = jdbc.sql("SELECT model ->> 'token' FROM email_queue WHERE recipient = :email AND template = 'email-verification'")
                .param("email", email).query(String.class).single();
        assertThat(http.post("/api/v1/auth/verify-email", json(Map.of("token", token))).status()).as("verification of " + email)
                .isEqualTo(200);
        return email;
    }
}
