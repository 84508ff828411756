package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** Finding 10 of issue 10: every admin action over HTTP is audited under the admin's own user id; refusals are logged. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(OutputCaptureExtension.class)
class AdminAuditIT extends AbstractApiIT {

    String admin;
    String adminId;

    @BeforeEach
    void logInAsAdmin() {
        admin = guests.adminAccessToken();
        adminId = jdbc.sql("SELECT id::text FROM users WHERE email = :email").param("email", Guests.ADMIN).query(String.class).single();
    }

    @Test
    void every_admin_action_over_http_is_audited_under_the_admins_user_id() {
        long before = lastAuditId();
        LocalDate from = LocalDate.now(ZoneId.of("America/New_York")).plusDays(500 + ThreadLocalRandom.current().nextInt(1000));
        String suffix = UUID.randomUUID().toString().substring(0, 6);

        String typeId = created(http.post("/api/v1/admin/room-types", json(Map.of("name", "Attic " + suffix, "maxOccupancy", 2,
                "baseRate", "99.00")), admin));
        ok(put("/api/v1/admin/room-types/" + typeId, json(Map.of("name", "Attic " + suffix, "maxOccupancy", 3, "baseRate", "109.00"))));
        String roomId = created(http.post("/api/v1/admin/rooms", json(Map.of("roomTypeId", typeId, "number", "A" + suffix, "floor", 4)), admin));
        ok(put("/api/v1/admin/rooms/" + roomId + "/service", json(Map.of("inService", false))));
        created(http.post("/api/v1/admin/rooms/" + roomId + "/closures", json(Map.of("starts", from.toString(), "ends", from.plusDays(2).toString(),
                "reason", "roof")), admin));
        String planId = created(http.post("/api/v1/admin/rate-plans", json(Map.of("roomTypeId", typeId, "name", "Attic season",
                "validFrom", from.toString(), "validUntil", from.plusDays(30).toString(), "weekdayRate", "120.00", "weekendRate", "140.00",
                "minimumStay", 1)), admin));
        ok(http.delete("/api/v1/admin/rate-plans/" + planId, admin));
        created(http.post("/api/v1/admin/promotions", json(Map.of("code", "ATTIC" + suffix.toUpperCase(), "kind", "PERCENT", "value", "5.00",
                "validFrom", from.toString(), "validUntil", from.plusDays(30).toString(), "perGuestLimit", 1, "minimumNights", 1)), admin));
        String guest = guests.verifiedGuest("audited");
        String guestId = jdbc.sql("SELECT id::text FROM users WHERE email = :email").param("email", guest).query(String.class).single();
        String jti = UUID.randomUUID().toString();
        ok(http.post("/api/v1/admin/tokens/revoke", json(Map.of("jti", jti)), admin));
        ok(http.post("/api/v1/admin/users/" + guestId + "/revoke-tokens", "{}", admin));

        List<Map<String, Object>> audited = jdbc.sql("SELECT action, actor, entity_id FROM audit_log WHERE id > :before AND actor NOT LIKE 'user:%'")
                .param("before", before).query().listOfRows();
        assertThat(audited).extracting(row -> row.get("action")).contains("ROOM_TYPE_ADDED", "ROOM_TYPE_CHANGED", "ROOM_ADDED",
                "ROOM_OUT_OF_SERVICE", "ROOM_CLOSED", "RATE_PLAN_ADDED", "RATE_PLAN_REMOVED", "PROMOTION_ADDED", "TOKEN_REVOKED",
                "USER_TOKENS_REVOKED");
        assertThat(audited).filteredOn(row -> !row.get("actor").toString().startsWith("system:"))
                .allSatisfy(row -> assertThat(row.get("actor").toString()).as(row.toString()).endsWith(":" + adminId));
        assertThat(audited).filteredOn(row -> row.get("action").equals("TOKEN_REVOKED")).singleElement()
                .satisfies(row -> assertThat(row.get("entity_id")).isEqualTo(jti));
    }

    @Test
    void a_refused_request_is_logged_with_the_callers_id_the_method_and_the_path_but_never_the_token(CapturedOutput output) {
        String email = guests.verifiedGuest("audited");
        String guest = guests.accessToken(email);
        String guestId = jdbc.sql("SELECT id::text FROM users WHERE email = :email").param("email", email).query(String.class).single();

        Reply refused = http.post("/api/v1/admin/tokens/revoke", json(Map.of("jti", "anything")), guest);

        assertThat(refused.status()).isEqualTo(403);
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(output.getOut())
                .contains("Access denied: POST /api/v1/admin/tokens/revoke by user " + guestId));
        assertThat(output.getOut()).doesNotContain(guest);
    }

    private long lastAuditId() {
        return jdbc.sql("SELECT coalesce(max(id), 0) FROM audit_log").query(Long.class).single();
    }

    private Reply put(String path, String body) {
        return http.send(http.request(path).header("Content-Type", "application/json").header("Authorization", "Bearer " + admin)
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    private static String created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("id").asString();
    }

    private static void ok(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isBetween(200, 204);
    }
}
