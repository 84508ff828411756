package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.http.HttpRequest;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The occupancy report over HTTP on the shared test database, where other tests add rooms and bookings: each test reads
 * the report, changes one thing, and reads the difference (a paid booking sells its nights at its total; a new room adds
 * supply; a closure and a room out of service take it away and count as out of order). The CSV is the same report.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ReportsApiIT extends AbstractApiIT {

    String staff;
    String admin;
    LocalDate night;

    @BeforeEach
    void staffAndANightFarAhead() {
        String email = guests.verified(Guests.uniqueEmail("desk", "westbethelmotel.test"));
        jdbc.sql("UPDATE user_roles SET role = 'STAFF' WHERE user_id = (SELECT id FROM users WHERE email = :email)").param("email", email).update();
        staff = guests.accessToken(email);
        admin = guests.adminAccessToken();
        night = LocalDate.now(ZoneId.of("America/New_York")).plusDays(3_000 + ThreadLocalRandom.current().nextInt(3_000));
    }

    @Test
    void a_paid_booking_sells_its_nights_at_its_total_and_a_pending_one_sells_nothing() {
        JsonNode before = report(night, night.plusDays(1));
        String guest = guests.loggedInGuest("reported");
        String queen = named(http.get("/api/v1/room-types").json(), "Queen Room").path("id").asString();
        Reply held = http.post("/api/v1/bookings", json(Map.of("roomTypeId", queen, "checkIn", night.toString(),
                "checkOut", night.plusDays(2).toString(), "guests", 2)), guest);
        assertThat(held.status()).as(held.body()).isEqualTo(201);

        JsonNode whileHeld = report(night, night.plusDays(1));
        assertThat(whileHeld.path("roomNightsSold").asLong()).as("a hold not paid is not sold").isEqualTo(before.path("roomNightsSold").asLong());

        Reply paid = http.post("/api/v1/bookings/" + held.json().path("id").asString() + "/payments", json(Map.of("paymentToken", "tok_visa")), guest);
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        JsonNode after = report(night, night.plusDays(1));

        BigDecimal total = new BigDecimal(held.json().path("total").path("amount").asString());
        assertThat(after.path("roomNightsSold").asLong() - before.path("roomNightsSold").asLong()).isEqualTo(2);
        assertThat(amount(after.path("revenue")).subtract(amount(before.path("revenue")))).isEqualByComparingTo(total);
        assertThat(after.path("roomNightsAvailable").asLong()).isEqualTo(before.path("roomNightsAvailable").asLong());
        assertThat(after.path("revenue").path("currency").asString()).isEqualTo("USD");
        JsonNode queens = named(after.path("roomTypes"), "Queen Room");
        assertThat(queens.path("roomNightsSold").asLong() - named(before.path("roomTypes"), "Queen Room").path("roomNightsSold").asLong())
                .isEqualTo(2);
        assertThat(after.path("days")).hasSize(2);
        assertThat(after.path("days").get(0).path("date").asString()).isEqualTo(night.toString());
        BigDecimal sold = BigDecimal.valueOf(after.path("roomNightsSold").asLong());
        BigDecimal available = BigDecimal.valueOf(after.path("roomNightsAvailable").asLong());
        assertThat(after.path("occupancy").decimalValue()).isEqualByComparingTo(sold.divide(available, 4, RoundingMode.HALF_EVEN));
        assertThat(amount(after.path("adr"))).isEqualByComparingTo(amount(after.path("revenue")).divide(sold, 2, RoundingMode.HALF_EVEN));
    }

    @Test
    void a_new_room_adds_supply_a_closure_and_a_room_out_of_service_take_it_away_as_out_of_order() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String typeId = created(http.post("/api/v1/admin/room-types", json(Map.of("name", "Report " + suffix, "maxOccupancy", 2, "baseRate", "90.00")),
                admin));
        JsonNode before = report(night, night.plusDays(1));

        String roomId = created(http.post("/api/v1/admin/rooms", json(Map.of("roomTypeId", typeId, "number", "R" + suffix, "floor", 3)), admin));
        JsonNode withRoom = report(night, night.plusDays(1));
        created(http.post("/api/v1/admin/rooms/" + roomId + "/closures", json(Map.of("starts", night.toString(), "ends", night.plusDays(1).toString(),
                "reason", "paint")), admin));
        JsonNode closed = report(night, night.plusDays(1));
        Reply out = http.send(http.request("/api/v1/admin/rooms/" + roomId + "/service").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + admin).PUT(HttpRequest.BodyPublishers.ofString(json(Map.of("inService", false)))));
        assertThat(out.status()).as(out.body()).isIn(200, 204);
        JsonNode outOfService = report(night, night.plusDays(1));

        long available = before.path("roomNightsAvailable").asLong();
        long outOfOrder = before.path("roomNightsOutOfOrder").asLong();
        assertThat(withRoom.path("roomNightsAvailable").asLong()).isEqualTo(available + 2);
        assertThat(closed.path("roomNightsAvailable").asLong()).isEqualTo(available + 1);
        assertThat(closed.path("roomNightsOutOfOrder").asLong()).isEqualTo(outOfOrder + 1);
        assertThat(outOfService.path("roomNightsAvailable").asLong()).isEqualTo(available);
        assertThat(outOfService.path("roomNightsOutOfOrder").asLong()).as("a night both closed and out counts once").isEqualTo(outOfOrder + 2);
        JsonNode type = named(outOfService.path("roomTypes"), "Report " + suffix);
        assertThat(type.path("roomNightsAvailable").asLong()).isZero();
        assertThat(type.has("occupancy")).as("nothing available: no occupancy to give").isFalse();
        assertThat(type.has("adr")).isFalse();
        assertThat(jdbc.sql("SELECT count(*) FROM room_out_of_service WHERE room_id = CAST(:room AS uuid) AND ends IS NULL").param("room", roomId)
                .query(Long.class).single()).isEqualTo(1);
    }

    @Test
    void the_csv_is_the_same_report_as_a_download_with_every_cell_safe_to_open() {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String name = "=HYPERLINK(\"http://evil.example\",\"x\") " + suffix;
        String typeId = created(http.post("/api/v1/admin/room-types", json(Map.of("name", name, "maxOccupancy", 2, "baseRate", "90.00")), admin));
        created(http.post("/api/v1/admin/rooms", json(Map.of("roomTypeId", typeId, "number", "X" + suffix, "floor", 3)), admin));
        JsonNode report = report(night, night.plusDays(2));

        Reply csv = http.get("/api/v1/admin/reports/occupancy?from=%s&to=%s&format=csv".formatted(night, night.plusDays(2)), staff);
        Reply accepted = http.send(http.request("/api/v1/admin/reports/occupancy?from=%s&to=%s".formatted(night, night.plusDays(2)))
                .header("Authorization", "Bearer " + staff).header("Accept", "text/csv").GET());

        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).isEqualTo("text/csv;charset=UTF-8");
        assertThat(csv.header("Content-Disposition")).isEqualTo(
                "attachment; filename=\"occupancy-%s-%s.csv\"".formatted(night, night.plusDays(2)));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.contentType()).isEqualTo("text/csv;charset=UTF-8");
        List<String> lines = csv.body().lines().toList();
        assertThat(lines.get(0)).isEqualTo("\uFEFFrow,date,roomTypeId,roomType,roomNightsAvailable,roomNightsSold,roomNightsOutOfOrder,occupancy,"
                + "adr,revpar,revenue,retainedFees,currency");
        assertThat(lines).hasSize(1 + 1 + 3 + report.path("roomTypes").size());
        assertThat(lines.get(1)).startsWith("period,%s..%s,,,%d,%d,".formatted(night, night.plusDays(2), report.path("roomNightsAvailable").asLong(),
                report.path("roomNightsSold").asLong()));
        assertThat(lines.get(1)).endsWith("," + report.path("revenue").path("amount").asString() + ","
                + report.path("retainedFees").path("amount").asString() + ",USD");
        assertThat(lines.get(2)).startsWith("day," + night + ",");
        assertThat(lines).filteredOn(line -> line.contains(typeId)).singleElement()
                .isEqualTo("roomType,,%s,\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"x\"\") %s\",3,0,0,0.0000,,0.00,0.00,0.00,USD".formatted(typeId, suffix));
        assertThat(accepted.body()).isEqualTo(csv.body());
    }

    @Test
    void a_missing_reversed_unreadable_or_too_long_period_is_a_400_naming_the_parameter() {
        assertRefused("?to=" + night, "from", "invalid-report-range");
        assertRefused("?from=" + night, "to", "invalid-report-range");
        assertRefused("?from=%s&to=%s".formatted(night, night.minusDays(1)), "to", "invalid-report-range");
        assertRefused("?from=%s&to=%s".formatted(night, night.plusDays(366)), "to", "invalid-report-range");
        assertRefused("?from=tomorrow&to=" + night, "from", "invalid-report-range");
        assertRefused("?from=%s&to=%s&format=xlsx".formatted(night, night), "format", "invalid-request");
        assertThat(http.get("/api/v1/admin/reports/occupancy?from=%s&to=%s".formatted(night, night.plusDays(365)), staff).status()).isEqualTo(200);
    }

    private void assertRefused(String query, String field, String type) {
        Reply refused = http.get("/api/v1/admin/reports/occupancy" + query, staff);
        assertThat(refused.status()).as(refused.body()).isEqualTo(400);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(refused.json().path("type").asString()).isEqualTo("/problems/" + type);
        assertThat(refused.json().path("errors").get(0).path("field").asString()).as(query).isEqualTo(field);
    }

    private JsonNode report(LocalDate from, LocalDate to) {
        Reply reply = http.get("/api/v1/admin/reports/occupancy?from=%s&to=%s".formatted(from, to), staff);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private static BigDecimal amount(JsonNode money) {
        return new BigDecimal(money.path("amount").asString());
    }

    private static String created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("id").asString();
    }
}
