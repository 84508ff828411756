package com.westbethel.motel.bootstrap.api.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Accounts for the site's tests, made as a guest makes one: the API's sign-up, then the token of the verification email. */
final class TestAccounts {

    static final String PASSWORD = "lantern orchard velvet kayak";
    static final String FIRST_NAME = "Kari";
    static final String LAST_NAME = "Holm";

    private TestAccounts() {
    }

    /** Signs {@code email} up (Kari Holm, {@link #PASSWORD}) on the API at {@code port} and verifies it. */
    static void verified(int port, JdbcClient jdbc, String email) {
        String token = registered(port, jdbc, email);
        assertThat(post(port, "/api/v1/auth/verify-email", "{\"token\":\"" + token + "\"}")).as("verification of " + email).isEqualTo(200);
    }

    /** A new account (Kari Holm) signed up through the API, not yet verified: the token its verification email carries. */
    static String registered(int port, JdbcClient jdbc, String email) {
        assertThat(post(port, "/api/v1/auth/register", """
                {"email":"%s","password":"%s","firstName":"%s","lastName":"%s"}""".formatted(email, PASSWORD, FIRST_NAME, LAST_NAME)))
                .as("sign-up of " + email).isEqualTo(202);
        return jdbc.sql("SELECT model ->> 'token' FROM email_queue WHERE recipient = :email AND template = 'email-verification' "
                + "ORDER BY created_at DESC LIMIT 1").param("email", email).query(String.class).single();
    }

    private static int post(int port, String path, String json) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException failed) {
            throw new IllegalStateException(failed);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(interrupted);
        }
    }
}
