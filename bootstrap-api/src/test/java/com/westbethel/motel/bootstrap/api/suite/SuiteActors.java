package com.westbethel.motel.bootstrap.api.suite;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;

import com.warrenstrange.googleauth.GoogleAuthenticator;
import com.westbethel.motel.application.identity.port.out.AccessTokens;
import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import com.westbethel.motel.bootstrap.api.HttpProbe;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.UserId;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The people the validation suite calls the API as, created through the API and the database: two guests (the second
 * one to prove owner-only resources), a member of staff and an admin, both enrolled in MFA and logged in with a code
 * the way MfaApiIT does it. Each call gets a fresh access token of the actor's own session, so that an operation the
 * suite calls (logout, revocation) never spoils the calls after it.
 */
final class SuiteActors {

    // Not the documents' example password, so that fuzzed "valid" bodies cannot change the actors' accounts.
    static final String PASSWORD = "quartz harbour meadow lantern 42";
    private static final GoogleAuthenticator AUTHENTICATOR_APP = new GoogleAuthenticator();

    enum Who { ANONYMOUS, GUEST, OTHER_GUEST, STAFF, ADMIN }

    record Actor(UUID user, UUID session, Role role, String email) {
    }

    private final HttpProbe http;
    private final JdbcClient jdbc;
    private final AccessTokens tokens;
    private final Map<Who, Actor> actors = new EnumMap<>(Who.class);
    /** A booking of GUEST (held, unpaid), a second session of GUEST, and a user nobody else needs (revocations hit it). */
    final UUID guestBooking;
    final UUID guestSecondSession;
    final UUID bystander;

    SuiteActors(HttpProbe http, JdbcClient jdbc, AccessTokens tokens, long seed) {
        this.http = http;
        this.jdbc = jdbc;
        this.tokens = tokens;
        // Failed logins earlier in the run (the fuzzer's) must not lock the suite's own logins out of this address.
        jdbc.sql("DELETE FROM login_throttle").update();
        String run = Long.toHexString(seed) + "-" + UUID.randomUUID().toString().substring(0, 6);
        actors.put(Who.GUEST, guest("suite-a-" + run + "@example.com"));
        actors.put(Who.OTHER_GUEST, guest("suite-b-" + run + "@example.com"));
        actors.put(Who.STAFF, enrolledInMfa("suite-staff-" + run + "@westbethelmotel.test", Role.STAFF));
        actors.put(Who.ADMIN, enrolledInMfa("suite-admin-" + run + "@westbethelmotel.test", Role.ADMIN));
        bystander = guest("suite-c-" + run + "@example.com").user();
        guestBooking = book(new Random(seed));
        login(actors.get(Who.GUEST).email());
        guestSecondSession = jdbc.sql("SELECT id FROM user_sessions WHERE user_id = :user ORDER BY created_at DESC LIMIT 1")
                .param("user", actors.get(Who.GUEST).user()).query(UUID.class).single();
    }

    Actor actor(Who who) {
        return actors.get(who);
    }

    /**
     * A fresh access token of the actor, as its login would issue (same user, same role), in a session of its own: a call
     * that ends the session (logout) or revokes the token spoils no other call. Null for the anonymous caller.
     */
    String bearer(Who who) {
        Actor actor = actors.get(who);
        if (actor == null) {
            return null;
        }
        return tokens.issue(new UserId(actor.user()), new SessionId(UUID.randomUUID()), Set.of(actor.role())).token();
    }

    private Actor guest(String email) {
        register(email);
        String access = login(email).json().path("accessToken").asString();
        return actorOf(email, access, Role.GUEST);
    }

    private Actor enrolledInMfa(String email, Role role) {
        register(email);
        jdbc.sql("UPDATE user_roles SET role = :role WHERE user_id = (SELECT id FROM users WHERE email = :email)")
                .param("role", role.name()).param("email", email).update();
        String limited = login(email).json().path("accessToken").asString();
        // The current password goes along: enrolment asks for it (issue 10, finding 3); older builds ignore the body.
        Reply setup = http.post("/api/v1/auth/mfa/setup", json(Map.of("password", PASSWORD)), limited);
        expect(setup, 200, "MFA set-up of " + email);
        String secret = setup.json().path("secret").asString();
        expect(http.post("/api/v1/auth/mfa/verify", json(Map.of("code", code(secret, 0))), limited), 200, "MFA confirmation of " + email);
        String mfaToken = login(email).json().path("mfaToken").asString();
        Reply full = http.post("/api/v1/auth/mfa/verify", json(Map.of("mfaToken", mfaToken, "code", code(secret, 1))));
        expect(full, 200, "MFA login of " + email);
        return actorOf(email, full.json().path("accessToken").asString(), role);
    }

    private Actor actorOf(String email, String access, Role role) {
        var claims = tokens.verify(access).orElseThrow(() -> new AssertionError("the login of " + email + " gave no valid token"));
        return new Actor(claims.user().value(), claims.session().value(), role, email);
    }

    private void register(String email) {
        Reply registered = http.post("/api/v1/auth/register", json(Map.of("email", email, "password", PASSWORD, "firstName", "Suite",
                "lastName", "Tester")));
        if (registered.status() != 201 && registered.status() != 202) {
            throw new AssertionError("register " + email + ": " + registered.status() + " " + registered.body());
        }
        String token = jdbc.sql("SELECT model ->> 'token' FROM email_queue WHERE recipient = :email AND template = 'email-verification' "
                + "ORDER BY created_at DESC LIMIT 1").param("email", email).query(String.class).single();
        expect(http.post("/api/v1/auth/verify-email", json(Map.of("token", token))), 200, "verification of " + email);
    }

    private Reply login(String email) {
        Reply reply = http.post("/api/v1/auth/login", json(Map.of("email", email, "password", PASSWORD)));
        expect(reply, 200, "login of " + email);
        return reply;
    }

    private UUID book(Random random) {
        // The type with the most rooms: the shared test database also holds other tests' one-room types.
        String roomType = jdbc.sql("SELECT room_type_id FROM rooms GROUP BY room_type_id ORDER BY count(*) DESC, room_type_id LIMIT 1")
                .query(String.class).single();
        LocalDate checkIn = LocalDate.of(2031, 1, 1).plusDays(random.nextInt(3000));
        Reply booked = http.post("/api/v1/bookings", json(Map.of("roomTypeId", roomType, "checkIn", checkIn.toString(),
                "checkOut", checkIn.plusDays(2).toString(), "guests", 1)), bearer(Who.GUEST));
        expect(booked, 201, "the guest's booking");
        return UUID.fromString(booked.json().path("id").asString());
    }

    private static void expect(Reply reply, int status, String what) {
        if (reply.status() != status) {
            throw new AssertionError(what + ": " + reply.status() + " " + reply.body());
        }
    }

    private static String code(String secret, int stepsAhead) {
        return String.format("%06d", AUTHENTICATOR_APP.getTotpPassword(secret, System.currentTimeMillis() + stepsAhead * 30_000L));
    }
}
