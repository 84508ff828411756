package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.bootstrap.api.Guests.PASSWORD;
import static com.westbethel.motel.bootstrap.api.Guests.uniqueEmail;
import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.warrenstrange.googleauth.GoogleAuthenticator;
import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The identity issue's whole flow through the running API: register, verify, log in, enrol in MFA,
 * log out, log in with a code, use a backup code once, reset the password, and find old sessions dead.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {"motel.security.require-admin-mfa=true",
        "motel.security.require-staff-mfa=true"})
class MfaApiIT extends AbstractApiIT {

    private static final GoogleAuthenticator AUTHENTICATOR_APP = new GoogleAuthenticator();

    @Test
    void register_verify_login_enrol_logout_login_with_a_code_backup_code_once_reset_and_old_sessions_dead() {
        String email = guests.verifiedGuest("mfa");
        String firstAccess = guests.accessToken(email);

        Reply setup = setUp(firstAccess, PASSWORD);
        assertThat(setup.status()).isEqualTo(200);
        String secret = setup.json().path("secret").asString();
        assertThat(setup.json().path("otpauthUri").asString()).startsWith("otpauth://totp/West%20Bethel%20Motel:").contains("secret=" + secret);
        byte[] png = Base64.getDecoder().decode(setup.json().path("qrCodePng").asString());
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        assertThat(jdbc.sql("SELECT pending_secret FROM mfa_enrolments mfa JOIN users u ON u.id = mfa.user_id WHERE u.email = :email")
                .param("email", email).query(String.class).single()).startsWith("v1:").doesNotContain(secret);

        Reply enabled = http.post("/api/v1/auth/mfa/verify", json(Map.of("code", code(secret, 0))), firstAccess);
        assertThat(enabled.status()).isEqualTo(200);
        JsonNode backupCodes = enabled.json().path("backupCodes");
        assertThat(backupCodes.size()).isEqualTo(10);

        assertThat(http.post("/api/v1/auth/logout", "{}", firstAccess).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/users/me", firstAccess).status()).isEqualTo(401);

        Reply passwordStep = guests.logIn(email, PASSWORD);
        assertThat(passwordStep.status()).isEqualTo(200);
        assertThat(passwordStep.json().path("mfaRequired").asBoolean()).isTrue();
        assertThat(passwordStep.json().has("accessToken")).isFalse();
        String mfaToken = passwordStep.json().path("mfaToken").asString();
        assertThat(post("/api/v1/auth/mfa/verify", Map.of("mfaToken", mfaToken, "code", "000000")).status()).isEqualTo(401);
        String nextCode = code(secret, 1);
        Reply withCode = post("/api/v1/auth/mfa/verify", Map.of("mfaToken", mfaToken, "code", nextCode));
        assertThat(withCode.status()).isEqualTo(200);
        String secondAccess = withCode.json().path("accessToken").asString();
        assertThat(http.get("/api/v1/users/me", secondAccess).status()).isEqualTo(200);

        String replayToken = guests.logIn(email, PASSWORD).json().path("mfaToken").asString();
        assertThat(post("/api/v1/auth/mfa/verify", Map.of("mfaToken", replayToken, "code", nextCode)).status())
                .as("a code is accepted once in its window").isEqualTo(401);

        String backupCode = backupCodes.get(0).asString();
        String backupToken = guests.logIn(email, PASSWORD).json().path("mfaToken").asString();
        Reply withBackup = post("/api/v1/auth/mfa/verify", Map.of("mfaToken", backupToken, "code", backupCode));
        assertThat(withBackup.status()).isEqualTo(200);
        String thirdAccess = withBackup.json().path("accessToken").asString();
        String againToken = guests.logIn(email, PASSWORD).json().path("mfaToken").asString();
        assertThat(post("/api/v1/auth/mfa/verify", Map.of("mfaToken", againToken, "code", backupCode)).status())
                .as("a backup code works once").isEqualTo(401);

        assertThat(post("/api/v1/auth/forgot-password", Map.of("email", email)).status()).isEqualTo(202);
        String newPassword = "harbour pepper glacier trumpet";
        assertThat(post("/api/v1/auth/reset-password", Map.of("token", guests.emailToken(email, "password-reset"), "newPassword", newPassword)).status())
                .isEqualTo(204);

        assertThat(http.get("/api/v1/users/me", secondAccess).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/users/me", thirdAccess).status()).isEqualTo(401);
        assertThat(guests.logIn(email, newPassword).json().path("mfaRequired").asBoolean())
                .as("the reset kept two-factor login on").isTrue();
    }

    @Test
    void an_admin_without_mfa_reaches_only_the_account_and_mfa_set_up_until_enrolled() {
        String email = verifiedMember("admin", "ADMIN");
        String limited = guests.accessToken(email);

        Reply denied = http.post("/api/v1/admin/tokens/revoke", json(Map.of("jti", "anything")), limited);
        assertThat(denied.status()).isEqualTo(403);
        assertThat(http.get("/api/v1/users/me", limited).status()).isEqualTo(200);

        String secret = setUp(limited, PASSWORD).json().path("secret").asString();
        assertThat(http.post("/api/v1/auth/mfa/verify", json(Map.of("code", code(secret, 0))), limited).status()).isEqualTo(200);
        String mfaToken = guests.logIn(email, PASSWORD).json().path("mfaToken").asString();
        String full = post("/api/v1/auth/mfa/verify", Map.of("mfaToken", mfaToken, "code", code(secret, 1))).json().path("accessToken").asString();

        assertThat(http.post("/api/v1/admin/tokens/revoke", json(Map.of("jti", "anything")), full).status()).isEqualTo(204);
    }

    @Test
    void turning_mfa_off_needs_proof_and_sends_an_alert() {
        String email = guests.verifiedGuest("off");
        String access = guests.accessToken(email);
        String secret = setUp(access, PASSWORD).json().path("secret").asString();
        http.post("/api/v1/auth/mfa/verify", json(Map.of("code", code(secret, 0))), access);

        assertThat(http.post("/api/v1/auth/mfa/disable", json(Map.of("password", Guests.WRONG_PASSWORD)), access).status()).isEqualTo(403);
        assertThat(http.post("/api/v1/auth/mfa/disable", json(Map.of("password", PASSWORD)), access).status()).isEqualTo(204);

        assertThat(guests.logIn(email, PASSWORD).json().has("accessToken")).isTrue();
        assertThat(alerts(email, "mfa-disabled")).isEqualTo(1);
    }

    // Finding 3: a bearer token alone does not enrol an authenticator; the password is asked and guesses are throttled.
    @Test
    void mfa_set_up_needs_the_current_password_and_wrong_guesses_end_in_a_429() {
        String access = guests.loggedInGuest("setup");

        Reply noPassword = http.post("/api/v1/auth/mfa/setup", "{}", access);
        assertThat(noPassword.status()).isEqualTo(400);
        assertThat(noPassword.contentType()).startsWith("application/problem+json");
        Reply wrong = setUp(access, "a thief's guess at it");
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.contentType()).startsWith("application/problem+json");
        assertThat(wrong.json().path("type").asString()).isEqualTo("/problems/wrong-password");
        assertThat(wrong.json().path("errors").get(0).path("field").asString()).isEqualTo("password");
        assertThat(wrong.body()).doesNotContain("secret");
        for (int guess = 2; guess <= 5; guess++) {
            assertThat(setUp(access, "guess number " + guess).status()).isEqualTo(400);
        }

        Reply locked = setUp(access, PASSWORD);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().path("type").asString()).isEqualTo("/problems/mfa-setup-locked");
        assertThat(locked.header("Retry-After")).isNotBlank();
        assertThat(jdbc.sql("SELECT count(*) FROM mfa_enrolments mfa JOIN users u ON u.id = mfa.user_id WHERE u.email = :email")
                .param("email", emailOf(access)).query(Long.class).single()).as("nothing enrolled").isZero();
    }

    @Test // Account pace review, finding 3: a stolen access token guessed the current password without limit
    void wrong_current_passwords_at_change_password_and_mfa_set_up_share_one_lock_answered_with_a_429() {
        String access = guests.loggedInGuest("reauth");
        String newPassword = "harbour pepper glacier trumpet";
        for (int guess = 1; guess <= 3; guess++) {
            assertThat(http.post("/api/v1/users/me/password", json(Map.of("currentPassword", "guess number " + guess, "newPassword", newPassword)),
                    access).status()).isEqualTo(400);
        }
        for (int guess = 4; guess <= 5; guess++) {
            assertThat(setUp(access, "guess number " + guess).status()).isEqualTo(400);
        }

        Reply locked = http.post("/api/v1/users/me/password", json(Map.of("currentPassword", PASSWORD, "newPassword", newPassword)), access);
        Reply disable = http.post("/api/v1/auth/mfa/disable", json(Map.of("password", PASSWORD)), access);

        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.json().path("type").asString()).isEqualTo("/problems/reauthentication-locked");
        assertThat(Long.parseLong(locked.header("Retry-After"))).isBetween(1L, 30L);
        assertThat(disable.status()).as("MFA disable shares the lock").isEqualTo(429);
        assertThat(disable.json().path("type").asString()).isEqualTo("/problems/reauthentication-locked");
    }

    // Finding 3: turning two-factor login on, and renewing the backup codes, each alert the owner by email.
    @Test
    void enabling_mfa_and_renewing_backup_codes_send_security_alerts() {
        String access = guests.loggedInGuest("alerts");
        String email = emailOf(access);
        String secret = setUp(access, PASSWORD).json().path("secret").asString();
        assertThat(http.post("/api/v1/auth/mfa/verify", json(Map.of("code", code(secret, 0))), access).status()).isEqualTo(200);

        assertThat(alerts(email, "mfa-enabled")).isEqualTo(1);

        assertThat(http.post("/api/v1/auth/mfa/backup-codes", json(Map.of("code", code(secret, 1))), access).status()).isEqualTo(200);
        assertThat(alerts(email, "backup-codes-regenerated")).isEqualTo(1);
    }

    // Finding 6: staff enrol in two-factor login like admins; until then their tokens reach none of the front desk.
    @Test
    void staff_without_mfa_reach_only_the_account_and_mfa_set_up_until_enrolled() {
        String email = verifiedMember("desk", "STAFF");
        String limited = guests.accessToken(email);

        assertThat(http.get("/api/v1/admin/audit?entityType=booking&entityId=" + UUID.randomUUID(), limited).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/bookings", limited).status()).isEqualTo(403);
        assertThat(http.get("/api/v1/users/me", limited).status()).isEqualTo(200);

        String secret = setUp(limited, PASSWORD).json().path("secret").asString();
        assertThat(http.post("/api/v1/auth/mfa/verify", json(Map.of("code", code(secret, 0))), limited).status()).isEqualTo(200);
        String mfaToken = guests.logIn(email, PASSWORD).json().path("mfaToken").asString();
        String full = post("/api/v1/auth/mfa/verify", Map.of("mfaToken", mfaToken, "code", code(secret, 1))).json().path("accessToken").asString();

        assertThat(http.get("/api/v1/admin/audit?entityType=booking&entityId=" + UUID.randomUUID(), full).status()).isEqualTo(200);
    }

    /** A verified account in the motel's own domain, given {@code role} in the database. */
    private String verifiedMember(String prefix, String role) {
        String email = guests.verified(uniqueEmail(prefix, "westbethelmotel.test"));
        jdbc.sql("UPDATE user_roles SET role = :role WHERE user_id = (SELECT id FROM users WHERE email = :email)")
                .param("role", role).param("email", email).update();
        return email;
    }

    private String emailOf(String access) {
        return http.get("/api/v1/users/me", access).json().path("email").asString();
    }

    private long alerts(String email, String alert) {
        return jdbc.sql("SELECT count(*) FROM email_queue WHERE recipient = :email AND template = 'security-alert' AND model ->> 'alert' = :alert")
                .param("email", email).param("alert", alert).query(Long.class).single();
    }

    private Reply setUp(String access, String password) {
        return http.post("/api/v1/auth/mfa/setup", json(Map.of("password", password)), access);
    }

    /** What the authenticator app shows now, or that many 30-second steps from now. */
    private static String code(String secret, int stepsAhead) {
        return String.format("%06d", AUTHENTICATOR_APP.getTotpPassword(secret, System.currentTimeMillis() + stepsAhead * 30_000L));
    }

    private Reply post(String path, Map<String, String> body) {
        return http.post(path, json(body));
    }
}
