package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * Issue 11: booking without an account through the JSON API. The guest's details stand in for a bearer; the answer's
 * manageToken, sent as the Booking-Token header, opens that one booking to be seen, paid, extended and cancelled. Same
 * context as {@link BookingApiIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GuestCheckoutApiIT extends AbstractApiIT {

    /** The hold duration of the test profile (the default). */
    private static final Duration HOLD = Duration.ofMinutes(15);

    LocalDate checkIn;

    @BeforeEach
    void chooseDates() {
        // Far enough ahead, and different each run, so earlier runs' bookings in the kept test database do not matter.
        checkIn = LocalDate.now(ZoneId.of("America/New_York")).plusDays(400 + ThreadLocalRandom.current().nextInt(2000));
    }

    @Test
    void a_guest_without_an_account_books_pays_and_cancels_with_the_booking_token() {
        String email = Guests.uniqueEmail("walk-in");

        Reply booked = http.post("/api/v1/bookings", json(guestCheckout(email.toUpperCase(Locale.ROOT), checkIn, 3)));

        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        JsonNode booking = booked.json();
        String id = booking.path("id").asString();
        String token = booking.path("manageToken").asString();
        assertThat(booking.path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(booking.path("guestId").isNull()).isTrue();
        assertThat(booking.path("guest").path("email").asString()).isEqualTo(email);
        assertThat(booking.path("guest").path("phone").asString()).isEqualTo("+1 207 555 0100");
        assertThat(booking.path("maxHoldExtensions").asInt()).isEqualTo(2);
        assertThat(token).matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+");
        assertThat(booking.path("manageUrl").asString()).endsWith("/manage/" + token);

        assertThat(withToken(get("/api/v1/bookings/" + id), token).json().path("reference").asString())
                .isEqualTo(booking.path("reference").asString());
        JsonNode unpaidQuote = withToken(get("/api/v1/bookings/" + id + "/cancellation-quote"), token).json();
        assertThat(unpaidQuote.path("free").asBoolean()).isTrue();
        assertThat(unpaidQuote.path("refund").path("amount").asString()).isEqualTo("0.00");
        nearlyOver(id);
        Instant extendedAt = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        JsonNode extended = withToken(post("/api/v1/bookings/" + id + "/extend-hold", "{}"), token).json();
        assertThat(extended.path("holdExtensions").asInt()).isEqualTo(1);
        Instant extendedUntil = Instant.parse(extended.path("holdExpiresAt").asString());
        assertThat(extendedUntil).isAfter(Instant.parse(booking.path("holdExpiresAt").asString()))
                .as("another hold duration (15 minutes) from now").isBetween(extendedAt.plus(HOLD), Instant.now().plus(HOLD));

        Reply paid = withToken(post("/api/v1/bookings/" + id + "/payments", json(Map.of("paymentToken", "tok_visa"))), token);
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(queued(email, "booking-confirmation")).isEqualTo(1);
        assertThat(queued(email, "payment-receipt")).as("transactional, without an account to unsubscribe").isEqualTo(1);
        assertThat(jdbc.sql("SELECT 'manageUrl' = ANY (sealed) AND model ->> 'manageUrl' NOT LIKE '%' || :token || '%' FROM email_queue "
                        + "WHERE recipient = :email AND template = 'booking-confirmation'")
                .param("email", email).param("token", token).query(Boolean.class).single()).as("the link is sealed in the outbox").isTrue();
        assertThat(jdbc.sql("SELECT model -> 'manageUrl' IS NULL AND cardinality(sealed) = 0 FROM email_queue WHERE recipient <> :email "
                        + "AND template = 'booking-confirmation' AND model ->> 'reference' = :reference")
                .param("email", email).param("reference", booking.path("reference").asString()).query(Boolean.class).list())
                .as("the front desk's copy, without the guest's manage link").containsExactly(true);
        assertThat(queued(email, "loyalty-points-earned")).as("no account, no points").isZero();

        JsonNode quote = withToken(get("/api/v1/bookings/" + id + "/cancellation-quote"), token).json();
        String total = booking.path("total").path("amount").asString();
        assertThat(quote.path("refund").path("amount").asString()).as("well before check-in: all back").isEqualTo(total);
        assertThat(quote.path("kept").path("amount").asString()).isEqualTo("0.00");
        Reply cancelled = withToken(post("/api/v1/bookings/" + id + "/cancel", "{}"), token);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("refunded").path("amount").asString()).isEqualTo(total);
        assertThat(queued(email, "booking-cancelled")).isEqualTo(1);
    }

    @Test
    void a_booking_token_opens_its_own_booking_only_and_a_forged_one_nothing() {
        Reply first = http.post("/api/v1/bookings", json(guestCheckout(Guests.uniqueEmail("walk-in"), checkIn, 1)));
        Reply second = http.post("/api/v1/bookings", json(guestCheckout(Guests.uniqueEmail("walk-in"), checkIn.plusDays(5), 1)));
        String token = first.json().path("manageToken").asString();
        String otherId = second.json().path("id").asString();
        String id = first.json().path("id").asString();

        assertThat(withToken(get("/api/v1/bookings/" + otherId), token).status()).isEqualTo(404);
        assertThat(withToken(post("/api/v1/bookings/" + otherId + "/cancel", "{}"), token).status()).isEqualTo(404);
        Reply noToken = http.get("/api/v1/bookings/" + id);
        assertThat(noToken.status()).isEqualTo(401);
        assertThat(noToken.header("WWW-Authenticate")).isEqualTo("Bearer");
        String forged = token.substring(0, token.indexOf('.') + 1) + "A".repeat(43);
        Reply refused = withToken(get("/api/v1/bookings/" + id), forged);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.json().path("type").asString()).isEqualTo("/problems/invalid-booking-token");
        assertThat(withToken(get("/api/v1/bookings/" + id), token).status()).isEqualTo(200);
    }

    @Test
    void without_a_bearer_and_without_guest_details_booking_is_a_401_and_bad_details_a_400_naming_each_field() {
        Map<String, Object> noGuest = guestCheckout(Guests.uniqueEmail("walk-in"), checkIn, 1);
        noGuest.remove("guest");
        Map<String, Object> badGuest = booking(queen(), checkIn, 1);
        badGuest.put("guest", Map.of("firstName", "Mia", "lastName", " ", "email", "not-an-address"));

        Reply anonymous = http.post("/api/v1/bookings", json(noGuest));
        Reply invalid = http.post("/api/v1/bookings", json(badGuest));

        assertThat(anonymous.status()).isEqualTo(401);
        assertThat(anonymous.contentType()).startsWith("application/problem+json");
        assertThat(anonymous.json().path("detail").asString()).contains("guest");
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.json().path("type").asString()).isEqualTo("/problems/invalid-booking-request");
        assertThat(invalid.json().path("errors").findValuesAsString("field")).containsExactly("guest.lastName", "guest.email");
    }

    @Test
    void an_authorization_header_that_does_not_authenticate_is_a_401_and_holds_nothing_even_with_guest_details() {
        String email = Guests.uniqueEmail("header-dodger");
        String body = json(guestCheckout(email, checkIn, 1));

        for (String authorization : List.of("Bearer garbage", "x", "Bearer ")) {
            Reply refused = http.send(post("/api/v1/bookings", body).header("Authorization", authorization));

            assertThat(refused.status()).as(authorization).isEqualTo(401);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.header("WWW-Authenticate")).isEqualTo("Bearer error=\"invalid_token\"");
        }
        assertThat(jdbc.sql("SELECT count(*) FROM bookings WHERE guest_email = :email").param("email", email).query(Long.class).single())
                .as("nothing held").isZero();
        assertThat(http.send(get("/api/v1/room-types").header("Authorization", "Bearer garbage")).status())
                .as("not even an endpoint open to anyone serves a bad bearer as anonymous").isEqualTo(401);
    }

    @Test
    void unpaid_holds_are_capped_by_email_whatever_its_case_and_never_block_the_account_with_that_email() {
        String email = guests.verifiedGuest("hoarder");
        String access = guests.accessToken(email);
        for (int i = 0; i < 3; i++) {
            String spelled = i % 2 == 0 ? email : email.toUpperCase(Locale.ROOT);
            Reply held = http.post("/api/v1/bookings", json(guestCheckout(spelled, checkIn.plusDays(i * 3L), 1)));
            assertThat(held.status()).as(held.body()).isEqualTo(201);
        }

        Reply fourth = http.post("/api/v1/bookings", json(guestCheckout(email, checkIn.plusDays(20), 1)));
        Reply asAccount = http.post("/api/v1/bookings", json(booking(queen(), checkIn.plusDays(30), 1)), access);

        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.json().path("type").asString()).isEqualTo("/problems/too-many-unpaid-holds");
        assertThat(asAccount.status()).as("holds others made naming its address do not count for the account").isEqualTo(201);
        assertThat(http.get("/api/v1/bookings", access).json().path("totalItems").asLong()).as("only its own is the account's").isEqualTo(1);
    }

    @Test
    void verifying_the_email_through_the_api_brings_no_booking_made_without_an_account_to_the_account() {
        // The link proves the mailbox, not who chose the password: the website links such bookings when one browser both
        // verifies and logs in (SiteBookingClaimIT).
        String email = Guests.uniqueEmail("later-member");
        JsonNode booking = http.post("/api/v1/bookings", json(guestCheckout(email, checkIn, 2))).json();
        String id = booking.path("id").asString();

        String access = guests.accessToken(guests.verified(email));

        assertThat(http.get("/api/v1/bookings", access).json().path("items").findValuesAsString("id")).isEmpty();
        assertThat(http.get("/api/v1/bookings/" + id, access).status()).isEqualTo(404);
        assertThat(withToken(get("/api/v1/bookings/" + id), booking.path("manageToken").asString()).status())
                .as("still the manage link's").isEqualTo(200);
    }

    @Test
    void a_hold_is_extended_at_most_twice_and_only_in_its_last_minutes() {
        JsonNode booking = http.post("/api/v1/bookings", json(guestCheckout(Guests.uniqueEmail("slow-payer"), checkIn, 1))).json();
        String id = booking.path("id").asString();
        String token = booking.path("manageToken").asString();

        Reply early = withToken(post("/api/v1/bookings/" + id + "/extend-hold", "{}"), token);
        nearlyOver(id);
        Reply once = withToken(post("/api/v1/bookings/" + id + "/extend-hold", "{}"), token);
        Reply doubleClick = withToken(post("/api/v1/bookings/" + id + "/extend-hold", "{}"), token);
        nearlyOver(id);
        Reply twice = withToken(post("/api/v1/bookings/" + id + "/extend-hold", "{}"), token);
        nearlyOver(id);
        Reply third = withToken(post("/api/v1/bookings/" + id + "/extend-hold", "{}"), token);

        assertThat(early.status()).as("fifteen minutes left: too early, and not counted").isEqualTo(409);
        assertThat(early.json().path("type").asString()).isEqualTo("/problems/booking-state");
        assertThat(early.json().path("detail").asString()).matches("You can extend the hold in its last 5 minutes; it runs until "
                + "\\d{1,2}:\\d\\d [AP]M E[DS]T\\.");
        assertThat(once.status()).as(once.body()).isEqualTo(200);
        assertThat(once.json().path("holdExtensions").asInt()).isEqualTo(1);
        assertThat(doubleClick.status()).as("the second click of a double click adds nothing and counts nothing").isEqualTo(409);
        assertThat(twice.status()).as(twice.body()).isEqualTo(200);
        assertThat(twice.json().path("holdExtensions").asInt()).isEqualTo(2);
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.json().path("type").asString()).isEqualTo("/problems/booking-state");
        assertThat(third.json().path("detail").asString()).contains("already extended 2 times");
    }

    /** The real clock runs: a hold is brought to its last minute rather than waited for. */
    private void nearlyOver(String id) {
        jdbc.sql("UPDATE bookings SET hold_expires_at = now() + interval '1 minute' WHERE id = :id").param("id", UUID.fromString(id)).update();
    }

    @Test
    void two_strangers_using_the_same_idempotency_key_each_get_their_own_booking() {
        String key = UUID.randomUUID().toString();

        Reply anna = idempotent(key, guestCheckout(Guests.uniqueEmail("anna"), checkIn, 1));
        Reply bob = idempotent(key, guestCheckout(Guests.uniqueEmail("bob"), checkIn.plusDays(4), 1));

        assertThat(anna.status()).isEqualTo(201);
        assertThat(bob.status()).isEqualTo(201);
        assertThat(bob.json().path("id").asString()).isNotEqualTo(anna.json().path("id").asString());
    }

    @Test
    void without_an_account_the_idempotency_key_must_be_a_random_uuid_and_a_reused_one_is_still_refused() {
        String email = Guests.uniqueEmail("retrier");
        String key = UUID.randomUUID().toString();

        List<Reply> guessable = List.of(idempotent("key-1", guestCheckout(email, checkIn, 1)),
                idempotent("00000000-0000-0000-0000-000000000001", guestCheckout(email, checkIn, 1)));
        Reply first = idempotent(key.toUpperCase(Locale.ROOT), guestCheckout(email, checkIn, 1));
        Reply otherRequest = idempotent(key.toUpperCase(Locale.ROOT), guestCheckout(email, checkIn.plusDays(3), 1));

        assertThat(guessable).allSatisfy(refused -> {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.json().path("type").asString()).isEqualTo("/problems/invalid-idempotency-key");
            assertThat(refused.json().path("detail").asString()).contains("random UUID");
        });
        assertThat(first.status()).as(first.body()).isEqualTo(201);
        assertThat(otherRequest.status()).isEqualTo(422);
        assertThat(otherRequest.json().path("type").asString()).isEqualTo("/problems/idempotency-key-reused");
        assertThat(jdbc.sql("SELECT count(*) FROM bookings WHERE guest_email = :email").param("email", email).query(Long.class).single())
                .isEqualTo(1);
    }

    private Reply idempotent(String key, Map<String, Object> booking) {
        return http.send(http.request("/api/v1/bookings").header("Content-Type", "application/json").header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json(booking))));
    }

    private HttpRequest.Builder get(String path) {
        return http.request(path).GET();
    }

    private HttpRequest.Builder post(String path, String body) {
        return http.request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
    }

    private Reply withToken(HttpRequest.Builder request, String token) {
        return http.send(request.header("Booking-Token", token));
    }

    private Map<String, Object> guestCheckout(String email, LocalDate from, int nights) {
        Map<String, Object> booking = booking(queen(), from, nights);
        Map<String, Object> guest = new HashMap<>(Map.of("firstName", "Mia", "lastName", "Holm", "email", email, "phone", "+1 207 555 0100"));
        booking.put("guest", guest);
        return booking;
    }

    private static Map<String, Object> booking(String roomTypeId, LocalDate from, int nights) {
        Map<String, Object> booking = new HashMap<>();
        booking.put("roomTypeId", roomTypeId);
        booking.put("checkIn", from.toString());
        booking.put("checkOut", from.plusDays(nights).toString());
        booking.put("guests", 1);
        return booking;
    }

    private String queen() {
        return named(http.get("/api/v1/room-types").json(), "Queen Room").path("id").asString();
    }
}
