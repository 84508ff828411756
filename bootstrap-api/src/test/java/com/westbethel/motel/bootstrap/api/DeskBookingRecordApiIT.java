package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * A booking's record at the front desk and cancelling from there, on the real database: the record's shape (payments, the
 * emails queued about it without their links, the history of booking and payment); cancelling under the policy refunds what
 * the record quoted; waiving the fee needs a reason, refunds everything and is audited with the clerk and the reason; who may
 * call what. Each test books a room type of its own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class DeskBookingRecordApiIT extends AbstractApiIT {

    private static final ZoneId MOTEL = ZoneId.of("America/New_York");

    String staff;
    String staffId;
    String roomTypeId;
    String roomTypeName;
    LocalDate today;

    @BeforeEach
    void aClerkAndARoomTypeOfTheirOwn() {
        String email = guests.verifiedStaff("record-desk");
        staff = guests.accessToken(email);
        staffId = guests.userId(email);
        String admin = guests.adminAccessToken();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        roomTypeName = "Record " + suffix;
        roomTypeId = created(http.post("/api/v1/admin/room-types", json(Map.of("name", roomTypeName, "maxOccupancy", 2, "baseRate", "80.00")),
                admin)).path("id").asString();
        created(http.post("/api/v1/admin/rooms", json(Map.of("roomTypeId", roomTypeId, "number", "R" + suffix, "floor", 8)), admin));
        today = LocalDate.now(MOTEL);
    }

    @Test
    void the_record_shows_the_booking_its_payment_the_emails_queued_without_their_links_and_the_history_of_booking_and_payment() {
        String email = Guests.uniqueEmail("record");
        JsonNode booked = created(http.post("/api/v1/admin/bookings", json(walkIn(today.plusDays(400), 2, email)), staff));
        String id = booked.path("id").asString();
        String paymentId = created(http.post("/api/v1/admin/bookings/" + id + "/payments", json(Map.of("method", "CARD_PRESENT")), staff))
                .path("id").asString();

        Reply reply = http.get("/api/v1/admin/bookings/" + id, staff);

        JsonNode record = ok(reply);
        assertThat(record.path("booking").path("reference").asString()).isEqualTo(booked.path("reference").asString());
        assertThat(record.path("booking").path("status").asString()).isEqualTo("CONFIRMED");
        assertThat(record.path("booking").path("guest").path("email").asString()).isEqualTo(email);
        assertThat(record.path("booking").path("total").path("amount").asString()).isEqualTo("160.00");
        assertThat(record.path("roomType").asString()).isEqualTo(roomTypeName);
        JsonNode payment = record.path("payments").path(0);
        assertThat(payment.path("id").asString()).isEqualTo(paymentId);
        assertThat(payment.path("method").asString()).isEqualTo("CARD_PRESENT");
        assertThat(payment.path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(payment.path("amount").path("amount").asString()).isEqualTo("160.00");
        assertThat(record.path("refunds")).isEmpty();
        assertThat(record.path("cancellation").path("free").asBoolean()).as("400 days ahead: free").isTrue();
        assertThat(record.path("cancellation").path("refund").path("amount").asString()).isEqualTo("160.00");
        List<String> toTheGuest = new ArrayList<>();
        record.path("emails").forEach(sent -> {
            if (sent.path("recipient").asString().equals(email)) {
                toTheGuest.add(sent.path("template").asString());
            }
            assertThat(sent.path("queuedAt").isString()).isTrue();
            assertThat(sent.has("model")).isFalse();
        });
        assertThat(toTheGuest).containsExactlyInAnyOrder("booking-confirmation", "payment-receipt");
        assertThat(reply.body()).as("the emails' one-time links never leave the outbox").doesNotContain("/manage/").doesNotContain("token=");
        List<String> history = new ArrayList<>();
        record.path("history").forEach(entry -> history.add(entry.path("entityType").asString() + " " + entry.path("action").asString()));
        assertThat(history).containsExactly("booking BOOKING_HELD", "payment PAYMENT_SUCCEEDED", "booking BOOKING_CONFIRMED");
        assertThat(record.path("history").path(1).path("actor").asString()).isEqualTo("staff:" + staffId);
    }

    @Test
    void cancelling_under_the_policy_refunds_what_the_record_quoted_and_the_record_then_shows_the_refund() {
        String id = paidInCash(today.plusDays(1), 2);
        JsonNode quote = ok(http.get("/api/v1/admin/bookings/" + id, staff)).path("cancellation");
        // Check-in tomorrow is inside the policy's 48 hours: the first night (80.00 of 160.00) is kept.
        assertThat(List.of(quote.path("paid").path("amount").asString(), quote.path("refund").path("amount").asString(),
                quote.path("kept").path("amount").asString())).containsExactly("160.00", "80.00", "80.00");
        Reply withReason = http.post("/api/v1/admin/bookings/" + id + "/cancel", json(Map.of("waiveFee", false, "reason", "kept nowhere")), staff);
        assertThat(withReason.status()).as("a reason is never dropped silently").isEqualTo(400);
        assertThat(withReason.json().path("errors").path(0).path("field").asString()).isEqualTo("reason");
        assertThat(lastAction(id)).as("nothing cancelled").isEqualTo("BOOKING_CONFIRMED");

        JsonNode cancelled = ok(http.post("/api/v1/admin/bookings/" + id + "/cancel", json(Map.of("waiveFee", false)), staff));

        assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("refunded").path("amount").asString()).isEqualTo("80.00");
        JsonNode record = ok(http.get("/api/v1/admin/bookings/" + id, staff));
        assertThat(record.has("cancellation")).as("nothing left to cancel").isFalse();
        assertThat(record.path("refunds").path(0).path("amount").path("amount").asString()).isEqualTo(quote.path("refund").path("amount").asString());
        assertThat(lastAction(id)).isEqualTo("BOOKING_CANCELLED");
        assertThat(http.post("/api/v1/admin/bookings/" + id + "/cancel", json(Map.of("waiveFee", false)), staff).status()).isEqualTo(409);
    }

    @Test
    void waiving_the_fee_needs_a_reason_refunds_everything_paid_and_is_audited_with_the_clerk_and_the_reason() {
        String id = paidInCash(today.plusDays(1), 2);

        Reply withoutReason = http.post("/api/v1/admin/bookings/" + id + "/cancel", json(Map.of("waiveFee", true)), staff);
        Reply blankReason = http.post("/api/v1/admin/bookings/" + id + "/cancel", json(Map.of("waiveFee", true, "reason", "   ")), staff);
        Reply tooLong = http.post("/api/v1/admin/bookings/" + id + "/cancel", json(Map.of("waiveFee", true, "reason", "x".repeat(501))), staff);
        Reply noChoice = http.post("/api/v1/admin/bookings/" + id + "/cancel", "{}", staff);
        Reply waived = http.post("/api/v1/admin/bookings/" + id + "/cancel", json(Map.of("waiveFee", true, "reason", "Flight cancelled by the storm")),
                staff);

        for (Reply refused : List.of(withoutReason, blankReason, tooLong, noChoice)) {
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        assertThat(withoutReason.json().path("errors").path(0).path("field").asString()).isEqualTo("reason");
        assertThat(noChoice.json().path("errors").path(0).path("field").asString()).isEqualTo("waiveFee");
        JsonNode cancelled = ok(waived);
        assertThat(cancelled.path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.path("refunded").path("amount").asString()).isEqualTo("160.00");
        assertThat(cancelled.path("deskRefund").path("instruction").asString()).isEqualTo("Give 160.00 USD back in cash at the desk.");
        Map<String, Object> audited = jdbc.sql("""
                        SELECT actor, after_state FROM audit_log
                        WHERE entity_type = 'booking' AND entity_id = :id AND action = 'BOOKING_CANCELLED_FEE_WAIVED'""")
                .param("id", id).query().singleRow();
        assertThat(audited.get("actor")).isEqualTo("staff:" + staffId);
        assertThat(audited.get("after_state").toString()).contains("Flight cancelled by the storm");
        JsonNode record = ok(http.get("/api/v1/admin/bookings/" + id, staff));
        JsonNode last = record.path("history").path(record.path("history").size() - 1);
        assertThat(last.path("action").asString()).isEqualTo("BOOKING_CANCELLED_FEE_WAIVED");
        assertThat(last.path("after").path("waiverReason").asString()).isEqualTo("Flight cancelled by the storm");
        assertThat(http.post("/api/v1/admin/bookings/" + id + "/cancel", json(Map.of("waiveFee", true, "reason", "again")), staff).status())
                .as("cancelled already").isEqualTo(409);
    }

    @Test
    void guests_are_refused_anonymous_callers_must_log_in_and_an_unknown_booking_is_a_404() {
        String id = paidInCash(today.plusDays(500), 1);
        String guest = guests.loggedInGuest("record-guest");

        List<Reply> asGuest = List.of(http.get("/api/v1/admin/bookings/" + id, guest),
                http.post("/api/v1/admin/bookings/" + id + "/cancel", json(Map.of("waiveFee", true, "reason", "free please")), guest));
        List<Reply> anonymous = List.of(http.get("/api/v1/admin/bookings/" + id),
                http.post("/api/v1/admin/bookings/" + id + "/cancel", json(Map.of("waiveFee", false))));

        assertThat(asGuest).extracting(Reply::status).containsOnly(403);
        assertThat(anonymous).extracting(Reply::status).containsOnly(401);
        assertThat(jdbc.sql("SELECT status FROM bookings WHERE id = :id::uuid").param("id", id).query(String.class).single()).isEqualTo("CONFIRMED");
        Reply unknown = http.get("/api/v1/admin/bookings/" + UUID.randomUUID(), staff);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.contentType()).startsWith("application/problem+json");
        assertThat(http.get("/api/v1/admin/bookings/not-a-uuid", staff).status()).isEqualTo(400);
    }

    private String paidInCash(LocalDate checkIn, int nights) {
        String id = created(http.post("/api/v1/admin/bookings", json(walkIn(checkIn, nights, null)), staff)).path("id").asString();
        created(http.post("/api/v1/admin/bookings/" + id + "/payments", json(Map.of("method", "CASH")), staff));
        return id;
    }

    private Map<String, Object> walkIn(LocalDate checkIn, int nights, String email) {
        Map<String, Object> guest = new HashMap<>(Map.of("firstName", "Ola", "lastName", "Berg"));
        if (email != null) {
            guest.put("email", email);
        }
        return Map.of("roomTypeId", roomTypeId, "checkIn", checkIn.toString(), "checkOut", checkIn.plusDays(nights).toString(), "guests", 1,
                "guest", guest);
    }

    private String lastAction(String bookingId) {
        return jdbc.sql("SELECT action FROM audit_log WHERE entity_type = 'booking' AND entity_id = :id ORDER BY id DESC LIMIT 1")
                .param("id", bookingId).query(String.class).single();
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
