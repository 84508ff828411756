package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The front desk console's API on the real database: a walk-in booked, paid in cash and checked in at once; a cash booking
 * cancelled and refunded without the card processor; the tape chart, moving a stay, the booking search; each refusal and
 * who may call what. Each test books a room type of its own (two rooms, made through the admin API), so that what other
 * tests book on the shared database cannot fill "tonight".
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class WalkInApiIT extends AbstractApiIT {

    private static final ZoneId MOTEL = ZoneId.of("America/New_York");

    @Autowired
    MeterRegistry meters;

    String staff;
    String staffId;
    String admin;
    String roomTypeId;
    String firstRoom;
    String secondRoom;
    LocalDate today;

    @BeforeEach
    void aClerkAndARoomTypeOfTheirOwn() {
        String email = guests.verifiedGuest("desk");
        jdbc.sql("UPDATE user_roles SET role = 'STAFF' WHERE user_id = (SELECT id FROM users WHERE email = :email)").param("email", email).update();
        staff = guests.accessToken(email);
        staffId = jdbc.sql("SELECT id::text FROM users WHERE email = :email").param("email", email).query(String.class).single();
        admin = guests.adminAccessToken();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        roomTypeId = created(http.post("/api/v1/admin/room-types", json(Map.of("name", "Walk-in " + suffix, "maxOccupancy", 2, "baseRate", "90.00")),
                admin)).path("id").asString();
        firstRoom = "W" + suffix + "1";
        secondRoom = "W" + suffix + "2";
        for (String number : List.of(firstRoom, secondRoom)) {
            created(http.post("/api/v1/admin/rooms", json(Map.of("roomTypeId", roomTypeId, "number", number, "floor", 9)), admin));
        }
        today = LocalDate.now(MOTEL);
    }

    @Test
    void a_walk_in_without_an_email_is_booked_paid_in_cash_and_checked_in_at_once_all_audited_as_the_clerk_and_counted_for_the_front_desk() {
        double frontDeskBefore = meters.counter("motel.bookings.created", "channel", "front_desk").count();
        long before = lastAuditId();
        String key = UUID.randomUUID().toString();

        Reply booked = http.send(http.request("/api/v1/admin/bookings").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + staff).header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json(walkIn(today, 1, null)))));
        JsonNode booking = created(booked);
        String id = booking.path("id").asString();
        assertThat(booking.path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(booking.path("guestId").isNull()).as("never the clerk's account").isTrue();
        assertThat(booking.path("guest").path("email").isNull()).isTrue();
        assertThat(booking.path("guest").path("lastName").asString()).isEqualTo("Holm");
        assertThat(jdbc.sql("SELECT guest_id IS NULL AND guest_email IS NULL FROM bookings WHERE id = :id::uuid").param("id", id)
                .query(Boolean.class).single()).isTrue();
        Reply retried = http.send(http.request("/api/v1/admin/bookings").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + staff).header("Idempotency-Key", key)
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString(json(walkIn(today, 1, null)))));
        assertThat(created(retried).path("id").asString()).as("the retry gets the first booking").isEqualTo(id);

        JsonNode payment = created(http.post("/api/v1/admin/bookings/" + id + "/payments", json(Map.of("method", "CASH")), staff));
        assertThat(payment.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(payment.path("method").asString()).isEqualTo("CASH");
        assertThat(payment.path("amount").path("amount").asString()).isEqualTo("90.00");
        String paymentId = payment.path("id").asString();
        assertThat(jdbc.sql("SELECT method || ' ' || status || ' ' || (gateway_key IS NULL) FROM payments WHERE id = :id::uuid").param("id", paymentId)
                .query(String.class).single()).isEqualTo("CASH SUCCEEDED true");
        assertThat(jdbc.sql("SELECT count(*) FROM sandbox_charges WHERE idempotency_key LIKE :key").param("key", "%" + paymentId + "%")
                .query(Long.class).single()).as("the card processor never saw it").isZero();
        Reply again = http.post("/api/v1/admin/bookings/" + id + "/payments", json(Map.of("method", "CARD_PRESENT")), staff);
        assertThat(again.status()).as(again.body()).isEqualTo(409);

        Reply checkedIn = http.post("/api/v1/admin/bookings/" + id + "/check-in", "{}", staff);
        assertThat(checkedIn.status()).as(checkedIn.body()).isEqualTo(200);
        assertThat(checkedIn.json().path("status").asString()).isEqualTo("CHECKED_IN");

        List<Map<String, Object>> audited = jdbc.sql("""
                        SELECT action, actor, after_state FROM audit_log
                        WHERE id > :before AND ((entity_type = 'booking' AND entity_id = :booking) OR (entity_type = 'payment' AND entity_id = :payment))
                        ORDER BY id""")
                .param("before", before).param("booking", id).param("payment", paymentId).query().listOfRows();
        assertThat(audited).extracting(row -> row.get("action"))
                .containsExactly("BOOKING_HELD", "PAYMENT_SUCCEEDED", "BOOKING_CONFIRMED", "BOOKING_CHECKED_IN");
        assertThat(audited).extracting(row -> row.get("actor")).containsOnly("staff:" + staffId);
        assertThat(audited.get(1).get("after_state").toString()).contains("method").contains("CASH");
        assertThat(jdbc.sql("SELECT count(*) FROM email_queue WHERE model ->> 'reference' = :reference")
                .param("reference", booking.path("reference").asString()).query(Long.class).single()).as("no address, no email").isZero();
        assertThat(meters.counter("motel.bookings.created", "channel", "front_desk").count() - frontDeskBefore).as("one booking, the retry not again")
                .isEqualTo(1.0);
    }

    @Test
    void a_walk_in_with_an_email_is_sent_the_confirmation_once_paid_on_the_desks_card_terminal() {
        String email = Guests.uniqueEmail("walkin");
        String id = created(http.post("/api/v1/admin/bookings", json(walkIn(today.plusDays(300), 1, email)), staff)).path("id").asString();

        created(http.post("/api/v1/admin/bookings/" + id + "/payments", json(Map.of("method", "CARD_PRESENT")), staff));

        assertThat(queued(email, "booking-confirmation")).isEqualTo(1);
    }

    @Test
    void cancelling_a_booking_paid_in_cash_refunds_it_without_the_card_processor_and_says_to_give_it_back_at_the_desk() {
        String id = created(http.post("/api/v1/admin/bookings", json(walkIn(today.plusDays(200), 2, null)), staff)).path("id").asString();
        created(http.post("/api/v1/admin/bookings/" + id + "/payments", json(Map.of("method", "CASH")), staff));

        Reply cancelled = http.post("/api/v1/bookings/" + id + "/cancel", "{}", staff);

        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("refunded").path("amount").asString()).isEqualTo("180.00");
        JsonNode deskRefund = cancelled.json().path("deskRefund");
        assertThat(deskRefund.path("method").asString()).isEqualTo("CASH");
        assertThat(deskRefund.path("amount").path("amount").asString()).isEqualTo("180.00");
        assertThat(deskRefund.path("instruction").asString()).isEqualTo("Give 180.00 USD back in cash at the desk.");
        assertThat(jdbc.sql("SELECT refunded FROM payments WHERE booking_id = :id::uuid").param("id", id).query(String.class).single())
                .isEqualTo("180.00");
        assertThat(jdbc.sql("SELECT count(*) FROM sandbox_refunds WHERE idempotency_key = :key").param("key", "refund:" + id)
                .query(Long.class).single()).isZero();
    }

    @Test
    void the_tape_chart_shows_the_stay_the_move_options_name_the_free_room_and_the_stay_moves_there() {
        LocalDate checkIn = today.plusDays(500 + ThreadLocalRandom.current().nextInt(1000));
        Map<String, Object> inFirst = new HashMap<>(walkIn(checkIn, 2, null));
        inFirst.put("roomNumber", firstRoom);
        JsonNode booking = created(http.post("/api/v1/admin/bookings", json(inFirst), staff));
        String id = booking.path("id").asString();
        assertThat(booking.path("roomNumber").asString()).isEqualTo(firstRoom);
        Reply taken = http.post("/api/v1/admin/bookings", json(inFirst), staff);
        assertThat(taken.status()).as(taken.body()).isEqualTo(409);
        assertThat(taken.json().path("detail").asString()).startsWith("Room " + firstRoom + " is not a Walk-in");

        JsonNode chart = ok(http.get("/api/v1/admin/tape-chart?from=" + checkIn.minusDays(3) + "&days=14", staff));
        assertThat(chart.path("from").asString()).isEqualTo(checkIn.minusDays(3).toString());
        assertThat(chart.path("days").asInt()).isEqualTo(14);
        JsonNode stay = room(chart, firstRoom).path("stays").get(0);
        assertThat(stay.path("bookingId").asString()).isEqualTo(id);
        assertThat(stay.path("reference").asString()).isEqualTo(booking.path("reference").asString());
        assertThat(stay.path("guestName").asString()).isEqualTo("Mia Holm");
        assertThat(stay.path("checkIn").asString()).isEqualTo(checkIn.toString());
        assertThat(stay.path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(room(chart, firstRoom).path("roomType").asString()).startsWith("Walk-in ");
        assertThat(room(chart, secondRoom).path("stays")).isEmpty();
        assertThat(room(chart, firstRoom).path("housekeeping").asString()).isEqualTo("CLEAN");

        JsonNode options = ok(http.get("/api/v1/admin/bookings/" + id + "/move-options", staff));
        assertThat(options).extracting(option -> option.path("number").asString()).containsExactly(secondRoom);
        Reply moved = http.post("/api/v1/admin/bookings/" + id + "/move", json(Map.of("roomNumber", secondRoom)), staff);
        assertThat(moved.status()).as(moved.body()).isEqualTo(200);

        JsonNode after = ok(http.get("/api/v1/admin/tape-chart?from=" + checkIn.minusDays(3) + "&days=14", staff));
        assertThat(room(after, firstRoom).path("stays")).isEmpty();
        assertThat(room(after, secondRoom).path("stays").get(0).path("bookingId").asString()).isEqualTo(id);
        jdbc.sql("UPDATE rooms SET housekeeping = 'DIRTY' WHERE number = :number").param("number", secondRoom).update();
        assertThat(room(ok(http.get("/api/v1/admin/tape-chart?from=" + checkIn + "&days=14", staff)), secondRoom).path("housekeeping").asString())
                .as("the room's status now, whatever the days shown").isEqualTo("DIRTY");
    }

    @Test
    void a_booking_is_found_by_its_reference_in_any_case_the_start_of_its_email_or_of_the_guests_name() {
        String surname = "Zed" + UUID.randomUUID().toString().substring(0, 8);
        String email = Guests.uniqueEmail("search");
        Map<String, Object> named = new HashMap<>(walkIn(today.plusDays(600), 1, email));
        named.put("guest", Map.of("firstName", "Ingrid", "lastName", surname, "email", email));
        JsonNode booking = created(http.post("/api/v1/admin/bookings", json(named), staff));
        String reference = booking.path("reference").asString();

        assertThat(references("/api/v1/admin/bookings?query=" + reference.toLowerCase())).containsExactly(reference);
        assertThat(references("/api/v1/admin/bookings?query=" + email.substring(0, email.indexOf('@') - 2))).containsExactly(reference);
        assertThat(references("/api/v1/admin/bookings?query=" + surname.toUpperCase())).containsExactly(reference);
        assertThat(references("/api/v1/admin/bookings?query=ingrid%20" + surname.substring(0, 5))).contains(reference);
        JsonNode page = ok(http.get("/api/v1/admin/bookings?query=" + surname + "&page=0&size=1", admin));
        assertThat(page.path("page").asInt()).isZero();
        assertThat(page.path("size").asInt()).isEqualTo(1);
        assertThat(page.path("totalItems").asLong()).isEqualTo(1);
    }

    @Test
    void bad_input_is_a_400_naming_the_field() {
        assertField(http.get("/api/v1/admin/tape-chart?days=13", staff), "days");
        assertField(http.get("/api/v1/admin/tape-chart?days=32", staff), "days");
        assertField(http.get("/api/v1/admin/bookings?query=holm&size=101", staff), "size");
        assertField(http.get("/api/v1/admin/bookings", staff), "query");
        Map<String, Object> nameless = new HashMap<>(walkIn(today, 1, null));
        nameless.put("guest", Map.of("firstName", "Mia", "lastName", " "));
        assertField(http.post("/api/v1/admin/bookings", json(nameless), staff), "guest.lastName");
        Map<String, Object> badEmail = new HashMap<>(walkIn(today, 1, null));
        badEmail.put("guest", Map.of("firstName", "Mia", "lastName", "Holm", "email", "mia at example"));
        assertField(http.post("/api/v1/admin/bookings", json(badEmail), staff), "guest.email");
        assertField(http.post("/api/v1/admin/bookings", json(walkIn(today.minusDays(1), 1, null)), staff), "checkIn");
        String id = created(http.post("/api/v1/admin/bookings", json(walkIn(today.plusDays(700), 1, null)), staff)).path("id").asString();
        Reply card = http.post("/api/v1/admin/bookings/" + id + "/payments", json(Map.of("method", "CARD")), staff);
        assertThat(card.status()).as(card.body()).isEqualTo(400);
        assertThat(http.get("/api/v1/admin/bookings/" + UUID.randomUUID() + "/move-options", staff).status()).isEqualTo(404);
    }

    @Test
    void guests_are_refused_anonymous_callers_must_log_in_and_staff_and_admins_are_let_through() {
        String guest = guests.loggedInGuest("not-staff");
        String id = created(http.post("/api/v1/admin/bookings", json(walkIn(today.plusDays(800), 1, null)), admin)).path("id").asString();
        List<Reply> asGuest = new ArrayList<>();
        List<Reply> anonymous = new ArrayList<>();
        for (String bearer : new String[] {guest, null}) {
            List<Reply> replies = bearer == null ? anonymous : asGuest;
            replies.add(bearer == null ? http.post("/api/v1/admin/bookings", json(walkIn(today, 1, null)))
                    : http.post("/api/v1/admin/bookings", json(walkIn(today, 1, null)), bearer));
            replies.add(bearer == null ? http.post("/api/v1/admin/bookings/" + id + "/payments", json(Map.of("method", "CASH")))
                    : http.post("/api/v1/admin/bookings/" + id + "/payments", json(Map.of("method", "CASH")), bearer));
            replies.add(bearer == null ? http.get("/api/v1/admin/bookings?query=holm") : http.get("/api/v1/admin/bookings?query=holm", bearer));
            replies.add(bearer == null ? http.get("/api/v1/admin/tape-chart") : http.get("/api/v1/admin/tape-chart", bearer));
            replies.add(bearer == null ? http.get("/api/v1/admin/bookings/" + id + "/move-options")
                    : http.get("/api/v1/admin/bookings/" + id + "/move-options", bearer));
        }
        assertThat(asGuest).extracting(Reply::status).containsOnly(403);
        assertThat(anonymous).extracting(Reply::status).containsOnly(401);
        for (String bearer : List.of(staff, admin)) {
            assertThat(http.get("/api/v1/admin/tape-chart", bearer).status()).isEqualTo(200);
            assertThat(http.get("/api/v1/admin/bookings?query=holm", bearer).status()).isEqualTo(200);
            assertThat(http.get("/api/v1/admin/bookings/" + id + "/move-options", bearer).status()).isEqualTo(200);
        }
        assertThat(http.post("/api/v1/admin/bookings/" + id + "/payments", json(Map.of("method", "CASH")), admin).status()).isEqualTo(201);
        assertThat(jdbc.sql("SELECT status FROM bookings WHERE id = :id::uuid").param("id", id).query(String.class).single()).isEqualTo("CONFIRMED");
    }

    private Map<String, Object> walkIn(LocalDate checkIn, int nights, String email) {
        Map<String, Object> guest = new HashMap<>(Map.of("firstName", "Mia", "lastName", "Holm"));
        if (email != null) {
            guest.put("email", email);
        }
        return Map.of("roomTypeId", roomTypeId, "checkIn", checkIn.toString(), "checkOut", checkIn.plusDays(nights).toString(), "guests", 1,
                "guest", guest);
    }

    private List<String> references(String path) {
        List<String> found = new ArrayList<>();
        ok(http.get(path, staff)).path("items").forEach(item -> found.add(item.path("reference").asString()));
        return found;
    }

    private static JsonNode room(JsonNode chart, String number) {
        for (JsonNode room : chart.path("rooms")) {
            if (room.path("number").asString().equals(number)) {
                return room;
            }
        }
        throw new AssertionError("no room " + number + " on the chart");
    }

    private static void assertField(Reply reply, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("errors")).as(reply.body()).extracting(error -> error.path("field").asString()).contains(field);
    }

    private long lastAuditId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_log").query(Long.class).single();
    }

    private static JsonNode created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json();
    }

    private static JsonNode ok(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }
}
