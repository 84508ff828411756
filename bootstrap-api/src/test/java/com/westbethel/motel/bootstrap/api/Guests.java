package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.adapters.persistence.identity.AesGcmSecretCipher;
import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * The people of the HTTP tests, and what they do as any client would: sign up, follow the link in an email, log in
 * (from whichever address a test plays). One home for these steps, so that every test takes them the same way.
 */
final class Guests {

    /** What the tests' guests sign up with. */
    static final String PASSWORD = "lantern orchard velvet kayak";
    /** A password nobody has: a failed login. */
    static final String WRONG_PASSWORD = "not the password at all";
    /** The administrator the test profile creates ({@code motel.admin} in application-test.yml). */
    static final String ADMIN = "admin@westbethelmotel.test";
    static final String ADMIN_PASSWORD = "granite lighthouse meadow quiver";

    private final HttpProbe http;
    private final JdbcClient jdbc;
    private final AesGcmSecretCipher outbox;

    /** {@code outboxKey}: the key the outbox's seal is derived from (the worker holds the same), to open a sealed reset link. */
    Guests(HttpProbe http, JdbcClient jdbc, IdentityConfiguration.MfaEncryptionKey outboxKey) {
        this.http = http;
        this.jdbc = jdbc;
        this.outbox = AesGcmSecretCipher.forEmailOutbox(outboxKey.bytes());
    }

    /** An address nobody has used: {@code prefix-xxxxxxxx@example.com}. */
    static String uniqueEmail(String prefix) {
        return uniqueEmail(prefix, "example.com");
    }

    /** An address nobody has used: {@code prefix-xxxxxxxx@domain}. */
    static String uniqueEmail(String prefix, String domain) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@" + domain;
    }

    /** A client address in 198.18.0.0/15 (set aside for tests), fresh enough that runs never share a rate-limit bucket. */
    static String randomAddress() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        return "198.18." + random.nextInt(256) + "." + (1 + random.nextInt(254));
    }

    /** A one-night Queen Room held without an account for {@code email}, on a date far ahead that differs each run; the booking. */
    JsonNode bookedWithoutAccount(String email) {
        String queen = AbstractApiIT.named(http.get("/api/v1/room-types").json(), "Queen Room").path("id").asString();
        LocalDate checkIn = LocalDate.now(ZoneId.of("America/New_York")).plusDays(400 + ThreadLocalRandom.current().nextInt(2000));
        Reply booked = http.post("/api/v1/bookings", json(Map.of("roomTypeId", queen, "checkIn", checkIn.toString(),
                "checkOut", checkIn.plusDays(1).toString(), "guests", 1, "guest", Map.of("firstName", "Mia", "lastName", "Holm", "email", email))));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        return booked.json();
    }

    /** The sign-up form, sent; the answer is the caller's to check. */
    Reply register(String email, String password) {
        return http.post("/api/v1/auth/register", json(Map.of("email", email, "password", password, "firstName", "Kari", "lastName", "Holm")));
    }

    /** A guest who signed up as {@code prefix-xxxxxxxx@example.com} and followed the link in the verification email; their address. */
    String verifiedGuest(String prefix) {
        return verified(uniqueEmail(prefix));
    }

    /** Signs {@code email} up with {@link #PASSWORD} and follows the link in the verification email; the address. */
    String verified(String email) {
        assertThat(register(email, PASSWORD).status()).as("sign-up of " + email).isEqualTo(202);
        assertThat(http.post("/api/v1/auth/verify-email", json(Map.of("token", emailToken(email, "email-verification")))).status())
                .as("verification of " + email).isEqualTo(200);
        return email;
    }

    /** The one-time token of the latest email of {@code template} to {@code email}, opened if the outbox sealed it. */
    String emailToken(String email, String template) {
        String stored = jdbc.sql("SELECT model ->> 'token' FROM email_queue WHERE recipient = :email AND template = :template ORDER BY created_at DESC LIMIT 1")
                .param("email", email).param("template", template).query(String.class).single();
        return template.equals("password-reset") ? outbox.decrypt(stored) : stored;
    }

    /** A member of staff: a verified account ({@link #verifiedGuest}) given the role STAFF; their address. */
    String verifiedStaff(String prefix) {
        String email = verifiedGuest(prefix);
        jdbc.sql("UPDATE user_roles SET role = 'STAFF' WHERE user_id = (SELECT id FROM users WHERE email = :email)").param("email", email).update();
        return email;
    }

    /** The account's id, as the audit log names its actions ({@code staff:<id>}). */
    String userId(String email) {
        return jdbc.sql("SELECT id::text FROM users WHERE email = :email").param("email", email).query(String.class).single();
    }

    /** The login form, sent; the answer is the caller's to check. */
    Reply logIn(String email, String password) {
        return http.post("/api/v1/auth/login", json(Map.of("email", email, "password", password)));
    }

    /** The login form sent through the trusted proxy for a client at {@code forwardedFor} (its {@code X-Forwarded-For}). */
    Reply logInFrom(String forwardedFor, String email, String password) {
        return http.send(http.request("/api/v1/auth/login").header("Content-Type", "application/json").header("X-Forwarded-For", forwardedFor)
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("email", email, "password", password)))));
    }

    /** A login with {@link #WRONG_PASSWORD} from a client at {@code forwardedFor}. */
    Reply failedLogInFrom(String forwardedFor, String email) {
        return logInFrom(forwardedFor, email, WRONG_PASSWORD);
    }

    /** The access token of a login with {@link #PASSWORD}. */
    String accessToken(String email) {
        return accessToken(email, PASSWORD);
    }

    /** The access token of a login. */
    String accessToken(String email, String password) {
        return logIn(email, password).json().path("accessToken").asString();
    }

    /** The access token of a new verified guest ({@link #verifiedGuest}), logged in. */
    String loggedInGuest(String prefix) {
        return accessToken(verifiedGuest(prefix));
    }

    /** The access token of the test profile's administrator. */
    String adminAccessToken() {
        return accessToken(ADMIN, ADMIN_PASSWORD);
    }
}
