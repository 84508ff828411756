package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.bootstrap.api.Guests.PASSWORD;
import static com.westbethel.motel.bootstrap.api.Guests.uniqueEmail;
import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import io.jsonwebtoken.Jwts;
import io.jsonwebtoken.security.Keys;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/** The identity endpoints through real HTTP, PostgreSQL and Redis: the flows a guest and an admin go through. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class IdentityApiIT extends AbstractApiIT {

    @Autowired
    StringRedisTemplate redis;

    @Value("${motel.security.jwt.signing-key}")
    String signingKey;

    @Test
    void a_guest_registers_verifies_the_email_logs_in_and_sees_the_account() {
        String email = uniqueEmail("guest");

        Reply registered = guests.register(email, PASSWORD);
        assertThat(registered.status()).isEqualTo(202);
        assertThat(registered.json().path("message").asString()).contains(email);

        Reply tooEarly = guests.logIn(email, PASSWORD);
        assertThat(tooEarly.status()).isEqualTo(403);
        assertThat(tooEarly.json().path("type").asString()).isEqualTo("/problems/email-not-verified");

        Reply verified = http.post("/api/v1/auth/verify-email", json(Map.of("token", guests.emailToken(email, "email-verification"))));
        assertThat(verified.status()).isEqualTo(200);

        Reply tokens = guests.logIn(email, PASSWORD);
        assertThat(tokens.status()).isEqualTo(200);
        assertThat(tokens.json().path("tokenType").asString()).isEqualTo("Bearer");
        assertThat(tokens.json().path("expiresIn").asLong()).isEqualTo(900);

        Reply me = http.get("/api/v1/users/me", tokens.json().path("accessToken").asString());
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.json().path("email").asString()).isEqualTo(email);
        assertThat(me.json().path("emailVerified").asBoolean()).isTrue();
        assertThat(me.json().path("roles").get(0).asString()).isEqualTo("GUEST");
        assertThat(me.body()).doesNotContain("password");
        assertThat(queued(email, "welcome-email")).isEqualTo(1);
    }

    @Test
    void a_verification_link_works_once() {
        String email = uniqueEmail("guest");
        guests.register(email, PASSWORD);
        String token = guests.emailToken(email, "email-verification");

        assertThat(http.post("/api/v1/auth/verify-email", json(Map.of("token", token))).status()).isEqualTo(200);
        Reply again = http.post("/api/v1/auth/verify-email", json(Map.of("token", token)));

        assertThat(again.status()).isEqualTo(400);
        assertThat(again.json().path("type").asString()).isEqualTo("/problems/invalid-token");
    }

    // Finding 9: signing up with a known address answers exactly like a new one, and the owner is told by email.
    @Test
    void signing_up_with_a_known_address_answers_exactly_as_a_new_one_and_emails_the_owner() {
        String known = guests.verifiedGuest("guest");
        String fresh = uniqueEmail("guest");

        Reply again = guests.register(known.toUpperCase(), PASSWORD);
        Reply first = guests.register(fresh.toUpperCase(), PASSWORD);

        assertThat(again.status()).isEqualTo(202).isEqualTo(first.status());
        assertThat(again.contentType()).isEqualTo(first.contentType()).startsWith("application/json");
        assertThat(again.header("Location")).isEqualTo(first.header("Location")).isNull();
        assertThat(again.body().replace(known, fresh)).isEqualTo(first.body());
        assertThat(again.response().headers().map().keySet()).isEqualTo(first.response().headers().map().keySet());
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = :email").param("email", known).query(Long.class).single()).isEqualTo(1);
        assertThat(queued(known, "sign-up-attempt")).as("the owner hears of the attempt").isEqualTo(1);
        assertThat(queued(known, "email-verification")).as("only the first sign-up's link").isEqualTo(1);
        assertThat(queued(fresh, "email-verification")).isEqualTo(1);
        assertThat(queued(fresh, "sign-up-attempt")).isZero();
    }

    @Test
    void a_weak_password_is_refused_with_the_reason_and_advice_and_nothing_is_stored() {
        String email = uniqueEmail("guest");

        Reply refused = guests.register(email, "password1234");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("type").asString()).isEqualTo("/problems/weak-password");
        assertThat(refused.json().path("errors").get(0).path("field").asString()).isEqualTo("password");
        assertThat(refused.json().path("detail").asString()).contains("too easy to guess");
        assertThat(refused.json().path("advice").asString()).contains("passphrase");
        assertThat(jdbc.sql("SELECT count(*) FROM users WHERE email = :email").param("email", email).query(Long.class).single()).isZero();
        assertThat(queued(email, "email-verification")).isZero();
    }

    @Test
    void invalid_fields_are_each_named_in_a_400_problem() {
        Reply refused = http.post("/api/v1/auth/register", json(Map.of("email", "anna@nowhere", "password", PASSWORD, "firstName", "",
                "lastName", "K")));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.json().path("errors").findValuesAsString("field")).containsExactlyInAnyOrder("email", "firstName");
    }

    @Test
    void malformed_json_is_a_400_problem_not_a_500() {
        Reply refused = http.post("/api/v1/auth/login", "{\"email\": ");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void a_wrong_password_and_an_unknown_account_get_the_same_answer() {
        String email = guests.verifiedGuest("guest");

        Reply wrongPassword = guests.logIn(email, "not the right passphrase");
        Reply unknownAccount = guests.logIn(uniqueEmail("guest"), "not the right passphrase");

        assertThat(wrongPassword.status()).isEqualTo(401).isEqualTo(unknownAccount.status());
        assertThat(wrongPassword.body()).isEqualTo(unknownAccount.body());
    }

    @Test
    void forgot_password_and_resend_verification_answer_identically_for_known_and_unknown_addresses() {
        String known = guests.verifiedGuest("guest");
        String unknown = uniqueEmail("guest");

        Reply forgotKnown = http.post("/api/v1/auth/forgot-password", json(Map.of("email", known)));
        Reply forgotUnknown = http.post("/api/v1/auth/forgot-password", json(Map.of("email", unknown)));
        Reply resendKnown = http.post("/api/v1/auth/resend-verification", json(Map.of("email", known)));
        Reply resendUnknown = http.post("/api/v1/auth/resend-verification", json(Map.of("email", unknown)));
        Reply resendMalformed = http.post("/api/v1/auth/resend-verification", json(Map.of("email", "not-an-address")));

        assertThat(forgotKnown.status()).isEqualTo(202).isEqualTo(forgotUnknown.status());
        assertThat(forgotKnown.body()).isEqualTo(forgotUnknown.body());
        assertThat(resendKnown.status()).isEqualTo(202).isEqualTo(resendUnknown.status()).isEqualTo(resendMalformed.status());
        assertThat(resendKnown.body()).isEqualTo(resendUnknown.body()).isEqualTo(resendMalformed.body());
        assertThat(queued(known, "password-reset")).isEqualTo(1);
        assertThat(queued(unknown, "password-reset")).isZero();
    }

    @Test
    void a_token_is_refused_right_after_logout_even_once_redis_has_lost_everything() {
        String email = guests.verifiedGuest("guest");
        String access = guests.accessToken(email);
        assertThat(http.get("/api/v1/users/me", access).status()).isEqualTo(200);

        assertThat(http.post("/api/v1/auth/logout", "{}", access).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/users/me", access).status()).isEqualTo(401);

        redis.getConnectionFactory().getConnection().serverCommands().flushDb();
        assertThat(http.get("/api/v1/users/me", access).status()).isEqualTo(401);
    }

    @Test
    void logout_everywhere_ends_every_session_and_its_refresh_tokens() {
        String email = guests.verifiedGuest("guest");
        JsonNode laptop = guests.logIn(email, PASSWORD).json();
        JsonNode phone = guests.logIn(email, PASSWORD).json();

        assertThat(http.post("/api/v1/auth/logout-all", "{}", laptop.path("accessToken").asString()).status()).isEqualTo(204);

        assertThat(http.get("/api/v1/users/me", laptop.path("accessToken").asString()).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/users/me", phone.path("accessToken").asString()).status()).isEqualTo(401);
        assertThat(refresh(phone.path("refreshToken").asString()).status()).isEqualTo(401);
        assertThat(guests.logIn(email, PASSWORD).status()).as("a new login still works").isEqualTo(200);
    }

    @Test
    void login_and_refresh_ignore_a_stale_bearer_sent_along_while_other_calls_refuse_it() {
        String email = guests.verifiedGuest("guest");
        JsonNode first = guests.logIn(email, PASSWORD).json();
        String stale = "Bearer " + first.path("accessToken").asString() + "tampered";

        Reply refreshed = http.send(http.request("/api/v1/auth/refresh").header("Authorization", stale).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("refreshToken", first.path("refreshToken").asString())))));
        Reply loggedIn = http.send(http.request("/api/v1/auth/login").header("Authorization", stale).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("email", email, "password", PASSWORD)))));
        Reply me = http.send(http.request("/api/v1/users/me").header("Authorization", stale).GET());

        assertThat(refreshed.status()).as(refreshed.body()).isEqualTo(200);
        assertThat(loggedIn.status()).as(loggedIn.body()).isEqualTo(200);
        assertThat(me.status()).isEqualTo(401);
    }

    @Test
    void a_refresh_token_works_once_and_its_reuse_ends_the_session() {
        String email = guests.verifiedGuest("guest");
        JsonNode first = guests.logIn(email, PASSWORD).json();

        Reply rotated = refresh(first.path("refreshToken").asString());
        assertThat(rotated.status()).isEqualTo(200);
        String newAccess = rotated.json().path("accessToken").asString();
        assertThat(http.get("/api/v1/users/me", newAccess).status()).isEqualTo(200);

        Reply reused = refresh(first.path("refreshToken").asString());
        assertThat(reused.status()).isEqualTo(401);
        assertThat(reused.json().path("type").asString()).isEqualTo("/problems/refresh-token-reused");
        assertThat(http.get("/api/v1/users/me", newAccess).status()).isEqualTo(401);
        assertThat(refresh(rotated.json().path("refreshToken").asString()).status()).isEqualTo(401);
        assertThat(queued(email, "security-alert")).isEqualTo(1);
    }

    @Test
    void a_user_lists_sessions_and_ends_another_one() {
        String email = guests.verifiedGuest("guest");
        String laptop = guests.accessToken(email);
        String phone = guests.accessToken(email);

        JsonNode sessions = http.get("/api/v1/users/me/sessions", laptop).json();
        assertThat(sessions.size()).isEqualTo(2);
        String phoneSession = sessions.findValues("current").get(0).asBoolean()
                ? sessions.get(1).path("id").asString() : sessions.get(0).path("id").asString();

        assertThat(http.delete("/api/v1/users/me/sessions/" + phoneSession, laptop).status()).isEqualTo(204);

        assertThat(http.get("/api/v1/users/me", phone).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/users/me", laptop).status()).isEqualTo(200);
        assertThat(http.delete("/api/v1/users/me/sessions/" + UUID.randomUUID(), laptop).status()).isEqualTo(404);
        assertThat(http.delete("/api/v1/users/me/sessions/not-a-uuid", laptop).status()).isEqualTo(400);
    }

    @Test
    void changing_the_password_keeps_this_session_and_ends_the_others() {
        String email = guests.verifiedGuest("guest");
        String here = guests.accessToken(email);
        String elsewhere = guests.accessToken(email);
        String newPassword = "harbour pepper glacier trumpet";

        Reply wrong = http.post("/api/v1/users/me/password", json(Map.of("currentPassword", "nope nope nope", "newPassword", newPassword)), here);
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.json().path("errors").get(0).path("field").asString()).isEqualTo("currentPassword");

        Reply changed = http.post("/api/v1/users/me/password", json(Map.of("currentPassword", PASSWORD, "newPassword", newPassword)), here);
        assertThat(changed.status()).isEqualTo(204);

        assertThat(http.get("/api/v1/users/me", here).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/users/me", elsewhere).status()).isEqualTo(401);
        assertThat(guests.logIn(email, PASSWORD).status()).isEqualTo(401);
        assertThat(guests.logIn(email, newPassword).status()).isEqualTo(200);
        assertThat(queued(email, "password-changed")).isEqualTo(1);
    }

    @Test
    void a_password_reset_sets_the_new_password_and_ends_every_old_session() {
        String email = guests.verifiedGuest("guest");
        JsonNode before = guests.logIn(email, PASSWORD).json();
        http.post("/api/v1/auth/forgot-password", json(Map.of("email", email)));
        String token = guests.emailToken(email, "password-reset");
        String newPassword = "harbour pepper glacier trumpet";

        assertThat(validate(token).json().path("valid").asBoolean()).isTrue();
        Reply weak = http.post("/api/v1/auth/reset-password", json(Map.of("token", token, "newPassword", "password1234")));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.json().path("errors").get(0).path("field").asString()).isEqualTo("newPassword");

        assertThat(http.post("/api/v1/auth/reset-password", json(Map.of("token", token, "newPassword", newPassword))).status()).isEqualTo(204);

        assertThat(http.get("/api/v1/users/me", before.path("accessToken").asString()).status()).isEqualTo(401);
        assertThat(refresh(before.path("refreshToken").asString()).status()).isEqualTo(401);
        assertThat(guests.logIn(email, PASSWORD).status()).isEqualTo(401);
        assertThat(guests.logIn(email, newPassword).status()).isEqualTo(200);
        assertThat(http.post("/api/v1/auth/reset-password", json(Map.of("token", token, "newPassword", newPassword))).status()).isEqualTo(400);
        assertThat(validate(token).json().path("valid").asBoolean()).isFalse();
        assertThat(queued(email, "password-changed")).isEqualTo(1);
    }

    // Finding 8: the reset token travels in a POST body, never in a URL a server or proxy logs.
    @Test
    void a_reset_token_is_checked_by_post_and_a_get_with_it_in_the_url_is_refused() {
        String email = guests.verifiedGuest("guest");
        http.post("/api/v1/auth/forgot-password", json(Map.of("email", email)));
        String token = guests.emailToken(email, "password-reset");

        String row = jdbc.sql("SELECT model::text FROM email_queue WHERE recipient = :email AND template = 'password-reset'")
                .param("email", email).query(String.class).single();
        assertThat(row).as("the outbox row at rest holds no usable link").doesNotContain(token);

        Reply byGet = http.get("/api/v1/auth/validate-reset-token?token=" + token);

        assertThat(byGet.status()).isEqualTo(405);
        assertThat(byGet.contentType()).startsWith("application/problem+json");
        assertThat(byGet.body()).doesNotContain(token);
        assertThat(validate(token).json().path("valid").asBoolean()).isTrue();
        assertThat(validate("made-up").json().path("valid").asBoolean()).isFalse();
        assertThat(http.post("/api/v1/auth/validate-reset-token", "{}").status()).isEqualTo(400);
    }

    // Finding 8: a reset link sent before a password change, a logout everywhere or a lock stops working.
    @Test
    void a_password_change_or_a_logout_everywhere_voids_the_reset_link_sent_before() {
        String email = guests.verifiedGuest("guest");
        String access = guests.accessToken(email);
        http.post("/api/v1/auth/forgot-password", json(Map.of("email", email)));
        String beforeChange = guests.emailToken(email, "password-reset");

        String newPassword = "harbour pepper glacier trumpet";
        assertThat(http.post("/api/v1/users/me/password", json(Map.of("currentPassword", PASSWORD, "newPassword", newPassword)), access).status())
                .isEqualTo(204);

        assertThat(validate(beforeChange).json().path("valid").asBoolean()).isFalse();
        assertThat(http.post("/api/v1/auth/reset-password", json(Map.of("token", beforeChange, "newPassword", "thief chosen passphrase 42")))
                .status()).isEqualTo(400);

        http.post("/api/v1/auth/forgot-password", json(Map.of("email", email)));
        String beforeLogout = guests.emailToken(email, "password-reset");
        assertThat(http.post("/api/v1/auth/logout-all", "{}", access).status()).isEqualTo(204);

        assertThat(validate(beforeLogout).json().path("valid").asBoolean()).isFalse();
    }

    // Finding 5: a session past its lifetime or idle timeout ends at its next refresh, with a 401 problem.
    @Test
    void a_session_past_its_lifetime_or_idle_timeout_ends_at_refresh_with_a_401_problem() {
        String email = guests.verifiedGuest("guest");
        JsonNode old = guests.logIn(email, PASSWORD).json();
        JsonNode idle = guests.logIn(email, PASSWORD).json();
        JsonNode fresh = guests.logIn(email, PASSWORD).json();
        jdbc.sql("UPDATE user_sessions SET created_at = now() - interval '31 days', last_seen_at = now() - interval '1 hour' WHERE id = :id")
                .param("id", UUID.fromString(claim(payload(old.path("accessToken").asString()), "sid"))).update();
        jdbc.sql("UPDATE user_sessions SET created_at = now() - interval '9 days', last_seen_at = now() - interval '8 days' WHERE id = :id")
                .param("id", UUID.fromString(claim(payload(idle.path("accessToken").asString()), "sid"))).update();

        for (JsonNode expired : new JsonNode[] {old, idle}) {
            Reply refused = refresh(expired.path("refreshToken").asString());
            assertThat(refused.status()).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("type").asString()).isEqualTo("/problems/session-expired");
            assertThat(http.get("/api/v1/users/me", expired.path("accessToken").asString()).status()).as("the session ended").isEqualTo(401);
        }
        assertThat(refresh(fresh.path("refreshToken").asString()).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/users/me/sessions", fresh.path("accessToken").asString()).json().size()).isEqualTo(1);
    }

    @Test
    void an_admin_revokes_one_token_or_everything_a_user_holds_and_guests_may_not() {
        String admin = guests.adminAccessToken();
        String email = guests.verifiedGuest("guest");
        String first = guests.accessToken(email);
        String second = guests.accessToken(email);

        Reply forbidden = http.post("/api/v1/admin/tokens/revoke", json(Map.of("jti", jti(first))), second);
        assertThat(forbidden.status()).isEqualTo(403);
        assertThat(forbidden.contentType()).startsWith("application/problem+json");

        assertThat(http.post("/api/v1/admin/tokens/revoke", json(Map.of("jti", jti(first))), admin).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/users/me", first).status()).isEqualTo(401);
        assertThat(http.get("/api/v1/users/me", second).status()).isEqualTo(200);

        String userId = http.get("/api/v1/users/me", second).json().path("id").asString();
        assertThat(http.post("/api/v1/admin/users/" + userId + "/revoke-tokens", "{}", admin).status()).isEqualTo(204);
        assertThat(http.get("/api/v1/users/me", second).status()).isEqualTo(401);
        assertThat(http.post("/api/v1/admin/users/" + UUID.randomUUID() + "/revoke-tokens", "{}", admin).status()).isEqualTo(404);
    }

    @Test
    void forged_tokens_are_refused_none_algorithm_other_algorithm_wrong_key_and_expired() {
        String email = guests.verifiedGuest("guest");
        String genuine = guests.accessToken(email);
        String[] parts = genuine.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        String noneHeader = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\",\"kid\":\"primary\"}".getBytes(StandardCharsets.UTF_8));
        byte[] key = Base64.getDecoder().decode(signingKey);
        String subject = http.get("/api/v1/users/me", genuine).json().path("id").asString();
        String session = claim(payload, "sid");

        String unsigned = noneHeader + "." + parts[1] + ".";
        String hs512 = Jwts.builder().header().keyId("primary").and().issuer("west-bethel-motel").subject(subject).id(UUID.randomUUID().toString())
                .claim("sid", session).claim("roles", List.of("ADMIN")).issuedAt(new Date()).expiration(Date.from(Instant.now().plusSeconds(600)))
                .signWith(Keys.hmacShaKeyFor((signingKey + signingKey).getBytes(StandardCharsets.UTF_8)), Jwts.SIG.HS512).compact();
        String otherKey = Jwts.builder().header().keyId("primary").and().issuer("west-bethel-motel").subject(subject).id(UUID.randomUUID().toString())
                .claim("sid", session).claim("roles", List.of("ADMIN")).issuedAt(new Date()).expiration(Date.from(Instant.now().plusSeconds(600)))
                .signWith(Keys.hmacShaKeyFor(new byte[32]), Jwts.SIG.HS256).compact();
        String expired = Jwts.builder().header().keyId("primary").and().issuer("west-bethel-motel").subject(subject).id(UUID.randomUUID().toString())
                .claim("sid", session).claim("roles", List.of("GUEST")).issuedAt(Date.from(Instant.now().minusSeconds(3600)))
                .expiration(Date.from(Instant.now().minusSeconds(600))).signWith(Keys.hmacShaKeyFor(key), Jwts.SIG.HS256).compact();

        assertThat(http.get("/api/v1/users/me", genuine).status()).isEqualTo(200);
        for (String forged : List.of(unsigned, hs512, otherKey, expired, "garbage", parts[0] + "." + parts[1] + ".c2lnbmF0dXJl")) {
            assertThat(http.get("/api/v1/users/me", forged).status()).as(forged).isEqualTo(401);
        }
    }

    @Test
    void every_response_carries_the_security_headers_and_foreign_origins_are_refused() {
        Reply reply = http.get("/api/v1/users/me");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.header("WWW-Authenticate")).isEqualTo("Bearer");
        assertThat(reply.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(reply.header("Content-Security-Policy")).contains("frame-ancestors 'none'");
        assertThat(reply.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(reply.header("X-Frame-Options")).isEqualTo("DENY");

        Reply preflight = http.send(http.request("/api/v1/auth/login")
                .header("Origin", "https://evil.example")
                .header("Access-Control-Request-Method", "POST")
                .method("OPTIONS", HttpRequest.BodyPublishers.noBody()));
        assertThat(preflight.status()).isEqualTo(403);
        assertThat(preflight.header("Access-Control-Allow-Origin")).isNull();
    }

    @Test
    void five_wrong_passwords_lock_that_address_out_with_429_while_the_owner_logs_in_from_elsewhere() {
        String email = guests.verifiedGuest("guest");
        String attacker = "192.0.2." + (1 + (int) (Math.random() * 250));
        for (int i = 0; i < 5; i++) {
            assertThat(guests.logInFrom(attacker, email, "wrong guess number " + i).status()).isEqualTo(401);
        }

        Reply locked = guests.logInFrom(attacker, email, PASSWORD);
        assertThat(locked.status()).isEqualTo(429);
        assertThat(locked.header("Retry-After")).isEqualTo("30");
        assertThat(locked.json().path("type").asString()).isEqualTo("/problems/login-locked");

        assertThat(guests.logInFrom("198.51.100.7", email, PASSWORD).status()).isEqualTo(200);
        assertThat(queued(email, "security-alert")).as("lockout alert").isEqualTo(1);
    }

    @Test
    void the_login_history_shows_successes_and_failures_and_a_new_device_raises_an_alert() {
        String email = guests.verifiedGuest("guest");
        guests.logIn(email, PASSWORD);
        guests.logInFrom("203.0.113.9", email, "wrong guess");
        Reply fromPhone = http.send(http.request("/api/v1/auth/login").header("Content-Type", "application/json")
                .setHeader("User-Agent", "Safari on iPhone")
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("email", email, "password", PASSWORD)))));
        assertThat(fromPhone.status()).isEqualTo(200);

        JsonNode history = http.get("/api/v1/users/me/login-history", fromPhone.json().path("accessToken").asString()).json();

        assertThat(history.findValuesAsString("event")).containsExactly("NEW_DEVICE", "LOGIN_SUCCEEDED", "LOGIN_FAILED", "LOGIN_SUCCEEDED");
        assertThat(history.get(2).path("ipAddress").asString()).isEqualTo("203.0.113.9");
        assertThat(queued(email, "security-alert")).isEqualTo(1);
    }

    private Reply validate(String resetToken) {
        return http.post("/api/v1/auth/validate-reset-token", json(Map.of("token", resetToken)));
    }

    private Reply refresh(String refreshToken) {
        return http.post("/api/v1/auth/refresh", json(Map.of("refreshToken", refreshToken)));
    }

    private static String jti(String accessToken) {
        return claim(payload(accessToken), "jti");
    }

    private static String payload(String accessToken) {
        return new String(Base64.getUrlDecoder().decode(accessToken.split("\\.")[1]), StandardCharsets.UTF_8);
    }

    private static String claim(String payload, String name) {
        return tools.jackson.databind.json.JsonMapper.builder().build().readTree(payload).path(name).asString();
    }
}
