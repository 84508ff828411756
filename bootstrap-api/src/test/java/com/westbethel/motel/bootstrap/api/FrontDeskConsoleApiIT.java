package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The staff console's API over HTTP on the real database: the front desk's day as a guest books, pays and is checked in
 * and out; the check-out leaving the room dirty; housekeeping's list and status changes, refused for a bad status or an
 * unknown room; who may call them; every change audited under the clerk's own id. Each test books a room type of its
 * own, so that other tests' bookings on the shared database do not get in the way.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class FrontDeskConsoleApiIT extends AbstractApiIT {

    String admin;
    String staff;
    String staffId;
    String roomTypeId;
    String roomId;
    String roomNumber;

    @BeforeEach
    void aClerkAndARoomOfTheirOwn() {
        admin = guests.adminAccessToken();
        String email = guests.verifiedGuest("clerk");
        jdbc.sql("UPDATE user_roles SET role = 'STAFF' WHERE user_id = (SELECT id FROM users WHERE email = :email)").param("email", email).update();
        staff = guests.accessToken(email);
        staffId = jdbc.sql("SELECT id::text FROM users WHERE email = :email").param("email", email).query(String.class).single();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        roomTypeId = created(http.post("/api/v1/admin/room-types", json(Map.of("name", "Desk " + suffix, "maxOccupancy", 2, "baseRate", "90.00")),
                admin));
        roomNumber = "D" + suffix;
        roomId = created(http.post("/api/v1/admin/rooms", json(Map.of("roomTypeId", roomTypeId, "number", roomNumber, "floor", 1)), admin));
    }

    @Test
    void the_desk_sees_a_paid_arrival_checks_it_in_and_out_and_the_room_is_left_dirty_each_step_audited_as_the_clerk() {
        String guest = guests.loggedInGuest("arriving");
        String today = http.get("/api/v1/admin/front-desk/today", staff).json().path("date").asString();
        Reply booked = http.post("/api/v1/bookings", json(Map.of("roomTypeId", roomTypeId, "checkIn", today,
                "checkOut", LocalDate.parse(today).plusDays(2).toString(), "guests", 2)), guest);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String bookingId = booked.json().path("id").asString();
        String reference = booked.json().path("reference").asString();

        JsonNode held = line(http.get("/api/v1/admin/front-desk/today", staff).json().path("arrivals"), reference);
        assertThat(held.path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(held.path("actions").valueStream().map(JsonNode::asString).toList()).as("an unpaid hold").isEmpty();

        Reply paid = http.post("/api/v1/bookings/" + bookingId + "/payments", json(Map.of("paymentToken", "tok_visa")), guest);
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        JsonNode arrival = line(http.get("/api/v1/admin/front-desk/today?date=" + today, staff).json().path("arrivals"), reference);
        assertThat(arrival.path("bookingId").asString()).isEqualTo(bookingId);
        assertThat(arrival.path("guestName").asString()).isEqualTo("Kari Holm");
        assertThat(arrival.path("guests").asInt()).isEqualTo(2);
        assertThat(arrival.path("roomNumber").asString()).isEqualTo(roomNumber);
        assertThat(arrival.path("roomType").asString()).startsWith("Desk ");
        assertThat(arrival.path("checkIn").asString()).isEqualTo(today);
        assertThat(arrival.path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(arrival.path("housekeeping").asString()).isEqualTo("CLEAN");
        assertThat(arrival.path("roomReady").asBoolean()).isTrue();
        assertThat(arrival.path("actions").valueStream().map(JsonNode::asString).toList()).containsExactly("CHECK_IN", "NO_SHOW");

        long before = lastAuditId();
        assertThat(http.post("/api/v1/admin/bookings/" + bookingId + "/check-in", "{}", staff).status()).isEqualTo(200);
        JsonNode afterCheckIn = http.get("/api/v1/admin/front-desk/today", staff).json();
        assertThat(line(afterCheckIn.path("inHouse"), reference).path("actions").valueStream().map(JsonNode::asString).toList())
                .containsExactly("CHECK_OUT");
        assertThat(line(afterCheckIn.path("arrivals"), reference).path("status").asString()).isEqualTo("CHECKED_IN");
        assertThat(room(http.get("/api/v1/admin/housekeeping", staff).json()).path("occupied").asBoolean()).isTrue();

        assertThat(http.post("/api/v1/admin/bookings/" + bookingId + "/check-out", "{}", staff).status()).isEqualTo(200);
        JsonNode room = room(http.get("/api/v1/admin/housekeeping", staff).json());
        assertThat(room.path("status").asString()).isEqualTo("DIRTY");
        assertThat(room.path("occupied").asBoolean()).isFalse();
        assertThat(room.path("changedAt").isNull()).isFalse();
        assertThat(http.get("/api/v1/admin/front-desk/today", staff).json().path("inHouse").valueStream()
                .noneMatch(stay -> stay.path("reference").asString().equals(reference))).isTrue();

        List<Map<String, Object>> audited = audited(before);
        assertThat(audited).extracting(row -> row.get("action")).containsExactly("BOOKING_CHECKED_IN", "BOOKING_CHECKED_OUT",
                "ROOM_HOUSEKEEPING_CHANGED");
        assertThat(audited).allSatisfy(row -> assertThat(row.get("actor")).isEqualTo("staff:" + staffId));
        assertThat(audited.get(2).get("entity_id")).isEqualTo(roomId);
        assertThat(audited.get(2).get("after").toString()).contains("DIRTY").doesNotContain("CLEAN");
    }

    @Test
    void housekeeping_sets_a_rooms_status_audited_as_the_clerk_and_refuses_a_bad_status_or_an_unknown_room() {
        long before = lastAuditId();

        Reply dirty = put("/api/v1/admin/rooms/" + roomId + "/housekeeping", json(Map.of("status", "DIRTY")), staff);
        Reply clean = put("/api/v1/admin/rooms/" + roomId + "/housekeeping", json(Map.of("status", "CLEAN")), staff);

        assertThat(dirty.status()).as(dirty.body()).isEqualTo(200);
        assertThat(clean.status()).as(clean.body()).isEqualTo(200);
        assertThat(clean.json().path("roomId").asString()).isEqualTo(roomId);
        assertThat(clean.json().path("number").asString()).isEqualTo(roomNumber);
        assertThat(clean.json().path("status").asString()).isEqualTo("CLEAN");
        assertThat(clean.json().path("changedAt").asString()).isNotBlank();
        assertThat(room(http.get("/api/v1/admin/housekeeping", staff).json()).path("status").asString()).isEqualTo("CLEAN");
        List<Map<String, Object>> audited = audited(before);
        assertThat(audited).extracting(row -> row.get("action")).containsExactly("ROOM_HOUSEKEEPING_CHANGED", "ROOM_HOUSEKEEPING_CHANGED");
        assertThat(audited).allSatisfy(row -> {
            assertThat(row.get("actor")).isEqualTo("staff:" + staffId);
            assertThat(row.get("entity_type")).isEqualTo("room");
            assertThat(row.get("entity_id")).isEqualTo(roomId);
        });
        assertThat(audited.get(1).get("before").toString()).contains("DIRTY");

        Reply sparkling = put("/api/v1/admin/rooms/" + roomId + "/housekeeping", json(Map.of("status", "SPARKLING")), staff);
        assertThat(sparkling.status()).isEqualTo(400);
        assertThat(sparkling.contentType()).startsWith("application/problem+json");
        assertThat(sparkling.json().path("errors").get(0).path("field").asString()).isEqualTo("status");
        Reply missing = put("/api/v1/admin/rooms/" + roomId + "/housekeeping", "{}", staff);
        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.body()).contains("status");
        Reply unknown = put("/api/v1/admin/rooms/" + UUID.randomUUID() + "/housekeeping", json(Map.of("status", "CLEAN")), staff);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(audited(before)).hasSize(2);
    }

    @Test
    void staff_and_admins_may_call_the_consoles_endpoints_guests_may_not_and_anonymous_callers_must_log_in() {
        String guest = guests.loggedInGuest("not-staff");
        String body = json(Map.of("status", "INSPECTED"));

        for (String path : List.of("/api/v1/admin/front-desk/today", "/api/v1/admin/housekeeping")) {
            assertThat(http.get(path).status()).as(path).isEqualTo(401);
            assertThat(http.get(path, guest).status()).as(path).isEqualTo(403);
            assertThat(http.get(path, staff).status()).as(path).isEqualTo(200);
            assertThat(http.get(path, admin).status()).as(path).isEqualTo(200);
        }
        String housekeeping = "/api/v1/admin/rooms/" + roomId + "/housekeeping";
        assertThat(put(housekeeping, body, null).status()).isEqualTo(401);
        assertThat(put(housekeeping, body, guest).status()).isEqualTo(403);
        assertThat(put(housekeeping, body, admin).status()).isEqualTo(200);
        String adminId = jdbc.sql("SELECT id::text FROM users WHERE email = :email").param("email", Guests.ADMIN).query(String.class).single();
        assertThat(jdbc.sql("SELECT actor FROM audit_log WHERE entity_id = :room ORDER BY id DESC LIMIT 1").param("room", roomId)
                .query(String.class).single()).isEqualTo("staff:" + adminId);
    }

    @Test
    void a_day_that_is_not_a_date_is_refused_naming_the_parameter() {
        Reply refused = http.get("/api/v1/admin/front-desk/today?date=tomorrow", staff);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.body()).contains("date");
        Reply tooFar = http.get("/api/v1/admin/front-desk/today?date=9999-12-31", staff);
        assertThat(tooFar.status()).isEqualTo(400);
        assertThat(tooFar.json().path("errors").get(0).path("field").asString()).isEqualTo("date");
    }

    private JsonNode room(JsonNode housekeeping) {
        return housekeeping.path("rooms").valueStream().filter(room -> room.path("roomId").asString().equals(roomId)).findFirst()
                .orElseThrow(() -> new AssertionError("room " + roomNumber + " is not on the housekeeping list"));
    }

    private static JsonNode line(JsonNode stays, String reference) {
        return stays.valueStream().filter(stay -> stay.path("reference").asString().equals(reference)).findFirst()
                .orElseThrow(() -> new AssertionError(reference + " is not in " + stays));
    }

    private Reply put(String path, String body, String bearer) {
        HttpRequest.Builder request = http.request(path).header("Content-Type", "application/json").PUT(HttpRequest.BodyPublishers.ofString(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return http.send(request);
    }

    private static String created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("id").asString();
    }

    private long lastAuditId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_log").query(Long.class).single();
    }

    private List<Map<String, Object>> audited(long after) {
        return jdbc.sql("""
                        SELECT action, actor, entity_type, entity_id, before_state AS before, after_state AS after FROM audit_log
                        WHERE id > :after AND (entity_id = :room OR actor = :actor) ORDER BY id
                        """)
                .param("after", after).param("room", roomId).param("actor", "staff:" + staffId).query().listOfRows();
    }
}
