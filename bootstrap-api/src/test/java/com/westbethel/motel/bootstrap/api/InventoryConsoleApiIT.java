package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The staff console's inventory over HTTP on the real database: the lists; changes refused while they would strand a
 * booking, with the booking named; a room type, room or code retired once bookings refer to it, deleted otherwise, and
 * gone from the public catalogue at once (the cache dropped); room types' photos read by their bytes and served as what
 * they are; who may call it; every change audited under the clerk's own id. Each test uses a room type of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class InventoryConsoleApiIT extends AbstractApiIT {

    private static final HttpClient CLIENT = HttpClient.newHttpClient();
    private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'};

    String admin;
    String staff;
    String staffId;
    String suffix;
    String roomTypeId;
    String roomId;
    String roomNumber;
    LocalDate today;

    @BeforeEach
    void aClerkAndARoomOfTheirOwn() {
        admin = guests.adminAccessToken();
        String email = guests.verifiedGuest("stock-clerk");
        jdbc.sql("UPDATE user_roles SET role = 'STAFF' WHERE user_id = (SELECT id FROM users WHERE email = :email)").param("email", email).update();
        staff = guests.accessToken(email);
        staffId = jdbc.sql("SELECT id::text FROM users WHERE email = :email").param("email", email).query(String.class).single();
        suffix = UUID.randomUUID().toString().substring(0, 6);
        roomTypeId = created(http.post("/api/v1/admin/room-types", json(Map.of("name", "Stock " + suffix, "maxOccupancy", 2, "baseRate", "90.00")),
                staff));
        roomNumber = "S" + suffix;
        roomId = created(http.post("/api/v1/admin/rooms", json(Map.of("roomTypeId", roomTypeId, "number", roomNumber, "floor", 2)), staff));
        today = LocalDate.parse(http.get("/api/v1/admin/rooms", staff).json().path("date").asString());
    }

    @Test
    void a_change_that_would_strand_a_confirmed_stay_is_refused_naming_it_and_nothing_changes() {
        String reference = paidStay(today.plusDays(3), 2);
        long before = lastAuditId();

        Reply out = put("/api/v1/admin/rooms/" + roomId + "/service", json(Map.of("inService", false)), staff);
        Reply closed = http.post("/api/v1/admin/rooms/" + roomId + "/closures", json(Map.of("starts", today.plusDays(4).toString(),
                "ends", today.plusDays(6).toString(), "reason", "Paint")), staff);
        Reply removedRoom = http.delete("/api/v1/admin/rooms/" + roomId, staff);
        Reply retiredType = http.delete("/api/v1/admin/room-types/" + roomTypeId, staff);

        for (Reply refused : List.of(out, closed, removedRoom, retiredType)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(409);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.json().path("type").asString()).endsWith("/problems/bookings-ahead");
            assertThat(refused.json().path("detail").asString()).contains(reference);
        }
        assertThat(out.json().path("detail").asString()).startsWith("Taking room " + roomNumber + " out of service");
        JsonNode room = room(http.get("/api/v1/admin/rooms", staff).json());
        assertThat(room.path("inService").asBoolean()).isTrue();
        assertThat(room.path("closures")).isEmpty();
        assertThat(audited(before)).isEmpty();

        Reply later = http.post("/api/v1/admin/rooms/" + roomId + "/closures", json(Map.of("starts", today.plusDays(5).toString(),
                "ends", today.plusDays(7).toString())), staff);
        assertThat(later.status()).as("from the stay's check-out day on: " + later.body()).isEqualTo(201);
    }

    @Test
    void staff_list_change_and_remove_closures_rate_plans_and_codes_each_change_audited_as_the_clerk() {
        long before = lastAuditId();
        String closure = created(http.post("/api/v1/admin/rooms/" + roomId + "/closures", json(Map.of("starts", today.plusDays(10).toString(),
                "ends", today.plusDays(12).toString(), "reason", "Carpet")), staff));
        JsonNode room = room(http.get("/api/v1/admin/rooms", staff).json());
        assertThat(room.path("number").asString()).isEqualTo(roomNumber);
        assertThat(room.path("roomType").asString()).isEqualTo("Stock " + suffix);
        assertThat(room.path("housekeeping").asString()).isEqualTo("CLEAN");
        assertThat(room.path("closures")).singleElement().satisfies(line -> {
            assertThat(line.path("closureId").asString()).isEqualTo(closure);
            assertThat(line.path("reason").asString()).isEqualTo("Carpet");
        });
        assertThat(http.delete("/api/v1/admin/rooms/" + roomId + "/closures/" + closure, staff).status()).isEqualTo(204);
        assertThat(room(http.get("/api/v1/admin/rooms", staff).json()).path("closures")).isEmpty();
        assertThat(put("/api/v1/admin/rooms/" + roomId, json(Map.of("roomTypeId", roomTypeId, "number", roomNumber + "B", "floor", 3)), staff)
                .status()).isEqualTo(204);
        roomNumber = roomNumber + "B";
        assertThat(room(http.get("/api/v1/admin/rooms", staff).json()).path("floor").asInt()).isEqualTo(3);

        Reply plan = http.post("/api/v1/admin/rate-plans", json(Map.of("roomTypeId", roomTypeId, "name", "Winter " + suffix,
                "validFrom", today.plusDays(30).toString(), "validUntil", today.plusDays(60).toString(), "weekdayRate", "80.00",
                "weekendRate", "95.00", "minimumStay", 1)), staff);
        String planId = created(plan);
        Reply changedPlan = put("/api/v1/admin/rate-plans/" + planId, json(Map.of("roomTypeId", roomTypeId, "name", "Deep winter " + suffix,
                "validFrom", today.plusDays(30).toString(), "validUntil", today.plusDays(50).toString(), "weekdayRate", "70.00",
                "weekendRate", "85.00", "minimumStay", 2)), staff);
        assertThat(changedPlan.status()).as(changedPlan.body()).isEqualTo(200);
        JsonNode listedPlan = http.get("/api/v1/admin/rate-plans", staff).json().path("ratePlans").valueStream()
                .filter(line -> line.path("id").asString().equals(planId)).findFirst().orElseThrow();
        assertThat(listedPlan.path("name").asString()).isEqualTo("Deep winter " + suffix);
        assertThat(listedPlan.path("weekdayRate").path("amount").asString()).isEqualTo("70.00");
        Reply backwards = put("/api/v1/admin/rate-plans/" + planId, json(Map.of("roomTypeId", roomTypeId, "name", "x",
                "validFrom", today.plusDays(30).toString(), "validUntil", today.plusDays(30).toString(), "weekdayRate", "70.00",
                "weekendRate", "85.00", "minimumStay", 2)), staff);
        assertThat(backwards.status()).isEqualTo(400);
        assertThat(backwards.json().path("errors").get(0).path("field").asString()).isEqualTo("validUntil");

        String code = "INV" + suffix.toUpperCase();
        String promotion = created(http.post("/api/v1/admin/promotions", json(Map.of("code", code, "kind", "PERCENT", "value", "10.00",
                "validFrom", today.toString(), "validUntil", today.plusDays(90).toString(), "perGuestLimit", 1, "minimumNights", 1)), staff));
        Reply changedCode = put("/api/v1/admin/promotions/" + promotion, json(Map.of("code", code + "X", "kind", "FIXED", "value", "15.00",
                "validFrom", today.toString(), "validUntil", today.plusDays(90).toString(), "usageLimit", 50, "perGuestLimit", 1,
                "minimumNights", 2)), staff);
        assertThat(changedCode.status()).as(changedCode.body()).isEqualTo(200);
        JsonNode listedCode = http.get("/api/v1/admin/promotions", staff).json().path("promotions").valueStream()
                .filter(line -> line.path("id").asString().equals(promotion)).findFirst().orElseThrow();
        assertThat(listedCode.path("code").asString()).isEqualTo(code + "X");
        assertThat(listedCode.path("usageLimit").asInt()).isEqualTo(50);
        assertThat(listedCode.path("retired").asBoolean()).isFalse();
        Reply removedCode = http.delete("/api/v1/admin/promotions/" + promotion, staff);
        assertThat(removedCode.json().path("result").asString()).isEqualTo("DELETED");
        assertThat(http.delete("/api/v1/admin/rate-plans/" + planId, staff).status()).isEqualTo(204);

        List<Map<String, Object>> audited = audited(before);
        assertThat(audited).extracting(row -> row.get("action")).containsExactly("ROOM_CLOSED", "ROOM_CLOSURE_REMOVED", "ROOM_CHANGED",
                "RATE_PLAN_ADDED", "RATE_PLAN_CHANGED", "PROMOTION_ADDED", "PROMOTION_CHANGED", "PROMOTION_REMOVED", "RATE_PLAN_REMOVED");
        assertThat(audited).allSatisfy(row -> assertThat(row.get("actor")).isEqualTo("staff:" + staffId));
    }

    @Test
    void a_code_a_guest_has_booked_with_keeps_its_name_and_the_rest_of_it_may_change() {
        String code = "USED" + suffix.toUpperCase();
        Map<String, Object> promotion = Map.of("code", code, "kind", "PERCENT", "value", "10.00", "validFrom", today.toString(),
                "validUntil", today.plusDays(90).toString(), "perGuestLimit", 1, "minimumNights", 1);
        String id = created(http.post("/api/v1/admin/promotions", json(promotion), staff));
        Reply held = http.post("/api/v1/bookings", json(Map.of("roomTypeId", roomTypeId, "checkIn", today.plusDays(2).toString(),
                "checkOut", today.plusDays(3).toString(), "guests", 1, "promoCode", code)), guests.loggedInGuest("stock-promo"));
        assertThat(held.status()).as(held.body()).isEqualTo(201);

        Map<String, Object> renamed = new HashMap<>(promotion);
        renamed.put("code", code + "X");
        Reply rename = put("/api/v1/admin/promotions/" + id, json(renamed), staff);
        Map<String, Object> revalued = new HashMap<>(promotion);
        revalued.put("value", "15.00");
        Reply revalue = put("/api/v1/admin/promotions/" + id, json(revalued), staff);

        assertThat(rename.status()).isEqualTo(400);
        assertThat(rename.json().path("errors").get(0).path("field").asString()).isEqualTo("code");
        assertThat(rename.json().path("errors").get(0).path("message").asString())
                .isEqualTo("Guests have booked with " + code + ", so it keeps its code: retire it and add the new code instead.");
        assertThat(revalue.status()).as(revalue.body()).isEqualTo(200);
        assertThat(jdbc.sql("SELECT code || ' ' || value || ' ' || uses FROM promotions WHERE id = CAST(:id AS uuid)").param("id", id)
                .query(String.class).single()).isEqualTo(code + " 15.00 1");
    }

    @Test
    void what_bookings_refer_to_is_retired_and_leaves_the_public_catalogue_at_once_what_nothing_does_is_deleted() {
        String reference = paidStay(today.plusDays(1), 1);
        // The stay is history: moved into the past and checked out (the API books no past nights).
        jdbc.sql("UPDATE bookings SET check_in = :in, check_out = :out, status = 'CHECKED_OUT' WHERE reference = :reference")
                .param("in", today.minusDays(10)).param("out", today.minusDays(9)).param("reference", reference).update();
        assertThat(http.get("/api/v1/room-types").json().valueStream().map(type -> type.path("id").asString())).contains(roomTypeId);

        Reply stillHasRoom = http.delete("/api/v1/admin/room-types/" + roomTypeId, staff);
        assertThat(stillHasRoom.status()).isEqualTo(409);
        assertThat(stillHasRoom.json().path("detail").asString()).contains(roomNumber);
        Reply room = http.delete("/api/v1/admin/rooms/" + roomId, staff);
        assertThat(room.status()).as(room.body()).isEqualTo(200);
        assertThat(room.json().path("result").asString()).isEqualTo("RETIRED");
        assertThat(room(http.get("/api/v1/admin/rooms", staff).json()).path("inService").asBoolean()).isFalse();
        String other = created(http.post("/api/v1/admin/room-types", json(Map.of("name", "Other " + suffix, "maxOccupancy", 2, "baseRate", "80.00")),
                staff));
        assertThat(put("/api/v1/admin/rooms/" + roomId, json(Map.of("roomTypeId", other, "number", roomNumber, "floor", 2)), staff).status())
                .isEqualTo(204);

        Reply retired = http.delete("/api/v1/admin/room-types/" + roomTypeId, staff);
        Reply deleted = http.delete("/api/v1/admin/rooms/" + created(http.post("/api/v1/admin/rooms",
                json(Map.of("roomTypeId", other, "number", "N" + suffix, "floor", 2)), staff)), staff);

        assertThat(retired.json().path("result").asString()).isEqualTo("RETIRED");
        assertThat(deleted.json().path("result").asString()).isEqualTo("DELETED");
        assertThat(http.get("/api/v1/room-types").json().valueStream().map(type -> type.path("id").asString()))
                .as("the cached catalogue dropped at once").doesNotContain(roomTypeId).contains(other);
        JsonNode listed = http.get("/api/v1/admin/room-types", staff).json().path("roomTypes").valueStream()
                .filter(type -> type.path("id").asString().equals(roomTypeId)).findFirst().orElseThrow();
        assertThat(listed.path("retired").asBoolean()).isTrue();
        assertThat(http.get("/api/v1/admin/bookings?query=" + reference, staff).status()).as("its history still reads").isEqualTo(200);
        Reply unused = http.delete("/api/v1/admin/room-types/" + created(http.post("/api/v1/admin/room-types",
                json(Map.of("name", "Unused " + suffix, "maxOccupancy", 1, "baseRate", "50.00")), staff)), staff);
        assertThat(unused.json().path("result").asString()).isEqualTo("DELETED");
    }

    @Test
    void a_photo_is_taken_only_as_a_real_image_and_served_as_one_to_anyone() throws Exception {
        HttpResponse<byte[]> none = raw(photoGet());
        assertThat(none.statusCode()).isEqualTo(404);

        HttpResponse<byte[]> page = raw(photoPut("image/png", "<html><script>alert(1)</script></html>".getBytes(StandardCharsets.UTF_8), staff));
        assertThat(page.statusCode()).isEqualTo(415);
        assertThat(page.headers().firstValue("Content-Type").orElse("")).startsWith("application/problem+json");
        assertThat(new String(page.body(), StandardCharsets.UTF_8)).contains("unsupported-media").doesNotContain("<script>");
        assertThat(raw(photoPut("text/html", PNG, staff)).statusCode()).as("a declared type not an image's").isEqualTo(415);
        byte[] huge = new byte[2 * 1024 * 1024 + 10];
        System.arraycopy(PNG, 0, huge, 0, PNG.length);
        HttpResponse<byte[]> tooLarge = raw(photoPut("image/png", huge, staff));
        assertThat(tooLarge.statusCode()).isEqualTo(400);
        assertThat(new String(tooLarge.body(), StandardCharsets.UTF_8)).contains("photo");

        assertThat(raw(photoPut("application/octet-stream", PNG, null)).statusCode()).isEqualTo(401);
        assertThat(raw(photoPut("application/octet-stream", PNG, guests.loggedInGuest("photo-guest"))).statusCode()).isEqualTo(403);
        assertThat(raw(photoPut("application/octet-stream", PNG, staff)).statusCode()).isEqualTo(204);

        HttpResponse<byte[]> served = raw(photoGet());
        assertThat(served.statusCode()).isEqualTo(200);
        assertThat(served.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(served.headers().firstValue("X-Content-Type-Options")).hasValue("nosniff");
        assertThat(served.body()).isEqualTo(PNG);
        JsonNode listed = http.get("/api/v1/admin/room-types", staff).json().path("roomTypes").valueStream()
                .filter(type -> type.path("id").asString().equals(roomTypeId)).findFirst().orElseThrow();
        assertThat(listed.path("photo").asString()).isEqualTo("/api/v1/room-types/" + roomTypeId + "/photo");

        assertThat(http.delete("/api/v1/admin/room-types/" + roomTypeId + "/photo", staff).status()).isEqualTo(204);
        assertThat(raw(photoGet()).statusCode()).isEqualTo(404);
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE entity_id = :type ORDER BY id").param("type", roomTypeId).query(String.class).list())
                .containsSubsequence("ROOM_TYPE_PHOTO_SET", "ROOM_TYPE_PHOTO_REMOVED");
    }

    @Test
    void staff_and_admins_may_use_the_inventory_guests_may_not_and_anonymous_callers_must_log_in() {
        String guest = guests.loggedInGuest("not-stock");
        for (String path : List.of("/api/v1/admin/room-types", "/api/v1/admin/rooms", "/api/v1/admin/rate-plans", "/api/v1/admin/promotions")) {
            assertThat(http.get(path).status()).as(path).isEqualTo(401);
            assertThat(http.get(path, guest).status()).as(path).isEqualTo(403);
            assertThat(http.get(path, staff).status()).as(path).isEqualTo(200);
            assertThat(http.get(path, admin).status()).as(path).isEqualTo(200);
        }
        assertThat(http.send(http.request("/api/v1/admin/rooms/" + roomId).DELETE()).status()).isEqualTo(401);
        assertThat(http.delete("/api/v1/admin/rooms/" + roomId, guest).status()).isEqualTo(403);
        assertThat(put("/api/v1/admin/rooms/" + roomId, json(Map.of("roomTypeId", roomTypeId, "number", roomNumber, "floor", 1)), guest).status())
                .isEqualTo(403);
        assertThat(room(http.get("/api/v1/admin/rooms", admin).json()).path("floor").asInt()).isEqualTo(2);
    }

    private String paidStay(LocalDate checkIn, int nights) {
        String guest = guests.loggedInGuest("stock-guest");
        Reply booked = http.post("/api/v1/bookings", json(Map.of("roomTypeId", roomTypeId, "checkIn", checkIn.toString(),
                "checkOut", checkIn.plusDays(nights).toString(), "guests", 1)), guest);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        Reply paid = http.post("/api/v1/bookings/" + booked.json().path("id").asString() + "/payments", json(Map.of("paymentToken", "tok_visa")),
                guest);
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        return booked.json().path("reference").asString();
    }

    private HttpRequest photoPut(String contentType, byte[] body, String bearer) {
        HttpRequest.Builder request = http.request("/api/v1/admin/room-types/" + roomTypeId + "/photo").header("Content-Type", contentType)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body));
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        return request.build();
    }

    private HttpRequest photoGet() {
        return http.request("/api/v1/room-types/" + roomTypeId + "/photo").GET().build();
    }

    private static HttpResponse<byte[]> raw(HttpRequest request) throws IOException, InterruptedException {
        return CLIENT.send(request, HttpResponse.BodyHandlers.ofByteArray());
    }

    private JsonNode room(JsonNode rooms) {
        return rooms.path("rooms").valueStream().filter(room -> room.path("roomId").asString().equals(roomId)).findFirst()
                .orElseThrow(() -> new AssertionError("room " + roomNumber + " is not listed"));
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
        return jdbc.sql("SELECT action, actor FROM audit_log WHERE id > :after AND actor = :actor ORDER BY id")
                .param("after", after).param("actor", "staff:" + staffId).query().listOfRows();
    }
}
