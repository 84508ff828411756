package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.westbethel.motel.adapters.persistence.booking.JdbcInventory;
import com.westbethel.motel.application.booking.service.SeedDemoDataService;
import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.shared.Money;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;

/** The motel's business through real HTTP and PostgreSQL, on the seeded West Bethel Motel. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BookingApiIT extends AbstractApiIT {

    @Autowired
    JdbcInventory inventory;

    @Autowired
    PlatformTransactionManager transactions;

    LocalDate checkIn;

    @BeforeEach
    void chooseDates() {
        // Far enough ahead, and different each run, so earlier runs' bookings in the kept test database do not matter.
        checkIn = LocalDate.now(ZoneId.of("America/New_York")).plusDays(400 + ThreadLocalRandom.current().nextInt(2000));
    }

    @Test
    void search_register_log_in_book_pay_earn_points_cancel_and_get_the_refund_and_points_back() {
        JsonNode offers = http.get("/api/v1/availability?checkIn=" + checkIn + "&checkOut=" + checkIn.plusDays(3) + "&guests=2").json();
        assertThat(offers.path("nights").asInt()).isEqualTo(3);
        JsonNode queen = named(offers.path("roomTypes"), "Queen Room");
        assertThat(queen.path("availableRooms").asInt()).isPositive();
        assertThat(queen.path("total").path("currency").asString()).isEqualTo("USD");
        String quotedTotal = queen.path("total").path("amount").asString();

        String guest = guests.verifiedGuest("booker");
        String access = guests.accessToken(guest);
        Reply booked = http.post("/api/v1/bookings", json(bookingOf(queen.path("roomTypeId").asString(), checkIn, checkIn.plusDays(3), 2)), access);
        assertThat(booked.status()).isEqualTo(201);
        JsonNode booking = booked.json();
        assertThat(booking.path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(booking.path("reference").asString()).matches("WB-[A-Z2-9]{6}");
        assertThat(booking.path("roomNumber").asString()).isNotBlank();
        assertThat(booking.path("total").path("amount").asString()).isEqualTo(quotedTotal);
        String bookingId = booking.path("id").asString();

        Reply paid = http.post("/api/v1/bookings/" + bookingId + "/payments", json(Map.of("paymentToken", "tok_visa")), access);
        assertThat(paid.status()).isEqualTo(201);
        assertThat(paid.json().path("status").asString()).isEqualTo("SUCCEEDED");
        assertThat(http.get("/api/v1/bookings/" + bookingId, access).json().path("status").asString()).isEqualTo("CONFIRMED");
        JsonNode loyalty = http.get("/api/v1/users/me/loyalty", access).json();
        long points = Money.of(quotedTotal, "USD").amount().longValue() * 10;
        assertThat(loyalty.path("points").asLong()).isEqualTo(points);
        assertThat(loyalty.path("tier").asString()).isIn("BRONZE", "SILVER");
        assertThat(queued(guest, "booking-confirmation")).isEqualTo(1);

        Reply cancelled = http.post("/api/v1/bookings/" + bookingId + "/cancel", "{}", access);
        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.json().path("status").asString()).isEqualTo("CANCELLED");
        assertThat(cancelled.json().path("refunded").path("amount").asString()).as("well before check-in: all back").isEqualTo(quotedTotal);
        assertThat(http.get("/api/v1/users/me/loyalty", access).json().path("points").asLong()).isZero();
        assertThat(queued(guest, "booking-cancelled")).isEqualTo(1);
        assertThat(http.post("/api/v1/bookings/" + bookingId + "/payments", json(Map.of("paymentToken", "tok_visa")), access).status())
                .as("a cancelled booking cannot be paid").isEqualTo(409);
    }

    @Test
    void fifty_concurrent_requests_for_the_last_room_give_one_201_and_forty_nine_409() throws Exception {
        RoomType cabin = new RoomType(RoomTypeId.random(), SeedDemoDataService.WEST_BETHEL, "Test Cabin " + UUID.randomUUID(), "one of a kind", 2,
                Money.of("150.00", "USD"), List.of());
        inventory.addRoomType(cabin);
        inventory.addRoom(RoomId.random(), SeedDemoDataService.WEST_BETHEL, cabin.id(), "T" + ThreadLocalRandom.current().nextInt(1_000_000), 9);
        String access = guests.loggedInGuest("booker");
        String body = json(bookingOf(cabin.id().toString(), checkIn, checkIn.plusDays(2), 1));

        ExecutorService pool = Executors.newFixedThreadPool(50);
        List<Future<Integer>> statuses = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            statuses.add(pool.submit(() -> http.post("/api/v1/bookings", body, access).status()));
        }
        Map<Integer, Integer> counts = new HashMap<>();
        for (Future<Integer> status : statuses) {
            counts.merge(status.get(), 1, Integer::sum);
        }
        pool.shutdown();

        assertThat(counts).containsExactlyInAnyOrderEntriesOf(Map.of(201, 1, 409, 49));
        assertThat(jdbc.sql("SELECT count(*) FROM bookings WHERE room_type_id = :type").param("type", cabin.id().value()).query(Long.class).single())
                .isEqualTo(1);
    }

    @Test
    void a_retry_with_the_same_idempotency_key_returns_the_first_booking_and_books_nothing_new() {
        String access = guests.loggedInGuest("booker");
        String roomType = roomTypeId("King Room");
        String key = UUID.randomUUID().toString();

        Reply first = bookWithKey(access, key, bookingOf(roomType, checkIn, checkIn.plusDays(2), 1));
        Reply retry = bookWithKey(access, key, bookingOf(roomType, checkIn, checkIn.plusDays(2), 1));
        Reply otherBody = bookWithKey(access, key, bookingOf(roomType, checkIn, checkIn.plusDays(3), 1));

        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().path("id").asString()).isEqualTo(first.json().path("id").asString());
        assertThat(otherBody.status()).isEqualTo(422);
        assertThat(http.get("/api/v1/bookings", access).json().path("totalItems").asLong()).isEqualTo(1);

        String bookingId = first.json().path("id").asString();
        String payKey = UUID.randomUUID().toString();
        Reply paid = payWithKey(access, bookingId, payKey, "tok_visa");
        Reply paidAgain = payWithKey(access, bookingId, payKey, "tok_visa");
        assertThat(paid.status()).isEqualTo(201);
        assertThat(paidAgain.status()).isEqualTo(201);
        assertThat(paidAgain.json().path("id").asString()).isEqualTo(paid.json().path("id").asString());
        assertThat(jdbc.sql("SELECT count(*) FROM payments WHERE booking_id = CAST(:id AS uuid)").param("id", bookingId).query(Long.class).single())
                .as("charged once").isEqualTo(1);
    }

    @Test
    void a_declined_card_is_a_402_and_the_booking_stays_payable() {
        String access = guests.loggedInGuest("booker");
        String bookingId = http.post("/api/v1/bookings", json(bookingOf(roomTypeId("Queen Room"), checkIn, checkIn.plusDays(1), 1)), access)
                .json().path("id").asString();

        Reply declined = http.post("/api/v1/bookings/" + bookingId + "/payments", json(Map.of("paymentToken", "tok_chargeDeclined")), access);

        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.json().path("detail").asString()).isEqualTo("Your card was declined.");
        assertThat(http.get("/api/v1/bookings/" + bookingId, access).json().path("status").asString()).isEqualTo("PENDING_PAYMENT");
        assertThat(http.post("/api/v1/bookings/" + bookingId + "/payments", json(Map.of("paymentToken", "tok_visa")), access).status()).isEqualTo(201);
    }

    @Test
    void every_bad_request_gets_a_4xx_problem_naming_the_field_and_books_nothing() {
        String access = guests.loggedInGuest("booker");
        String queen = roomTypeId("Queen Room");
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));

        assertField(http.post("/api/v1/bookings", json(bookingOf(queen, checkIn, checkIn.minusDays(1), 1)), access), 400, "checkOut");
        assertField(http.post("/api/v1/bookings", json(bookingOf(queen, checkIn, checkIn.plusDays(31), 1)), access), 400, "checkOut");
        assertField(http.post("/api/v1/bookings", json(bookingOf(queen, today.minusDays(1), today.plusDays(1), 1)), access), 400, "checkIn");
        assertField(http.post("/api/v1/bookings", json(bookingOf(queen, checkIn, checkIn.plusDays(1), 3)), access), 400, "guests");
        assertField(http.post("/api/v1/bookings", json(withPromo(bookingOf(queen, checkIn, checkIn.plusDays(2), 1), "NOSUCHCODE")), access),
                400, "promoCode");
        assertThat(http.post("/api/v1/bookings", json(bookingOf(UUID.randomUUID().toString(), checkIn, checkIn.plusDays(1), 1)), access).status())
                .isEqualTo(404);
        assertThat(http.post("/api/v1/bookings", json(bookingOf("not-a-uuid", checkIn, checkIn.plusDays(1), 1)), access).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/bookings/not-a-uuid", access).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/availability?checkIn=yesterday&checkOut=" + checkIn, access).status()).isEqualTo(400);
        assertThat(http.get("/api/v1/bookings", access).json().path("totalItems").asLong()).isZero();
    }

    // Finding 7 of issue 10: holds cannot be hoarded.
    @Test
    void a_fourth_unpaid_booking_is_a_409_problem_until_one_of_the_three_is_paid() {
        String access = guests.loggedInGuest("booker");
        String queen = roomTypeId("Queen Room");
        List<String> held = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Reply booked = http.post("/api/v1/bookings", json(bookingOf(queen, checkIn.plusDays(i * 3L), checkIn.plusDays(i * 3L + 1), 1)), access);
            assertThat(booked.status()).as(booked.body()).isEqualTo(201);
            held.add(booked.json().path("id").asString());
        }

        Reply fourth = http.post("/api/v1/bookings", json(bookingOf(queen, checkIn.plusDays(20), checkIn.plusDays(21), 1)), access);

        assertThat(fourth.status()).isEqualTo(409);
        assertThat(fourth.contentType()).startsWith("application/problem+json");
        assertThat(fourth.json().path("type").asString()).isEqualTo("/problems/too-many-unpaid-holds");
        assertThat(fourth.json().path("detail").asString()).contains("3 unpaid bookings");

        assertThat(http.post("/api/v1/bookings/" + held.get(0) + "/payments", json(Map.of("paymentToken", "tok_visa")), access).status())
                .isEqualTo(201);
        assertThat(http.post("/api/v1/bookings", json(bookingOf(queen, checkIn.plusDays(20), checkIn.plusDays(21), 1)), access).status())
                .as("a paid booking is no longer a hold").isEqualTo(201);
    }

    @Test
    void a_guest_never_sees_or_touches_another_guests_booking() {
        String anna = guests.loggedInGuest("booker");
        String bob = guests.loggedInGuest("booker");
        String annasBooking = http.post("/api/v1/bookings", json(bookingOf(roomTypeId("Queen Room"), checkIn, checkIn.plusDays(1), 1)), anna)
                .json().path("id").asString();

        assertThat(http.get("/api/v1/bookings/" + annasBooking, bob).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/bookings/" + annasBooking + "/cancel", "{}", bob).status()).isEqualTo(404);
        assertThat(http.post("/api/v1/bookings/" + annasBooking + "/payments", json(Map.of("paymentToken", "tok_visa")), bob).status()).isEqualTo(404);
        assertThat(http.get("/api/v1/bookings", bob).json().path("totalItems").asLong()).isZero();
    }

    @Test
    void the_welcome_code_takes_ten_percent_off() {
        String access = guests.loggedInGuest("booker");

        Reply booked = http.post("/api/v1/bookings", json(withPromo(bookingOf(roomTypeId("Queen Room"), checkIn, checkIn.plusDays(2), 1), "welcome10")),
                access);

        if (checkIn.getYear() <= LocalDate.now().getYear() + 1) {
            assertThat(booked.status()).isEqualTo(201);
            assertThat(booked.json().path("discount").path("amount").asString()).isNotEqualTo("0.00");
            assertThat(booked.json().path("promoCode").asString()).isEqualTo("WELCOME10");
        } else {
            assertField(booked, 400, "promoCode");
        }
    }

    @Test
    void the_front_desk_checks_a_guest_in_and_out_moves_a_booking_and_reads_its_audited_history() {
        RoomTypeId cabins = cabinsWithRooms(2);
        String guest = guests.loggedInGuest("booker");
        String staff = guests.adminAccessToken();
        LocalDate today = LocalDate.now(ZoneId.of("America/New_York"));
        JsonNode booking = http.post("/api/v1/bookings", json(bookingOf(cabins.toString(), today, today.plusDays(2), 1)), guest).json();
        String id = booking.path("id").asString();
        http.post("/api/v1/bookings/" + id + "/payments", json(Map.of("paymentToken", "tok_visa")), guest);

        assertThat(http.post("/api/v1/admin/bookings/" + id + "/check-in", "{}", guest).status()).as("guests are not staff").isEqualTo(403);
        String otherRoom = jdbc.sql("SELECT number FROM rooms WHERE room_type_id = :type AND number <> :number")
                .param("type", cabins.value()).param("number", booking.path("roomNumber").asString()).query(String.class).single();
        Reply moved = http.post("/api/v1/admin/bookings/" + id + "/move", json(Map.of("roomNumber", otherRoom)), staff);
        assertThat(moved.status()).isEqualTo(200);
        assertThat(moved.json().path("roomNumber").asString()).isEqualTo(otherRoom);
        assertThat(http.post("/api/v1/admin/bookings/" + id + "/check-out", "{}", staff).status()).as("not checked in yet").isEqualTo(409);
        assertThat(http.post("/api/v1/admin/bookings/" + id + "/check-in", "{}", staff).json().path("status").asString()).isEqualTo("CHECKED_IN");
        assertThat(http.post("/api/v1/admin/bookings/" + id + "/check-out", "{}", staff).json().path("status").asString()).isEqualTo("CHECKED_OUT");

        JsonNode history = http.get("/api/v1/admin/audit?entityType=booking&entityId=" + id, staff).json();
        assertThat(history.findValuesAsString("action"))
                .containsExactly("BOOKING_HELD", "BOOKING_CONFIRMED", "BOOKING_MOVED", "BOOKING_CHECKED_IN", "BOOKING_CHECKED_OUT");
        assertThat(history.get(2).path("before").path("roomId").asString()).isNotEqualTo(history.get(2).path("after").path("roomId").asString());
    }

    @Test
    void two_clerks_moving_stays_into_one_free_room_at_once_take_turns_and_the_second_is_told_why() throws Exception {
        RoomTypeId cabins = cabinsWithRooms(3);
        String staff = guests.adminAccessToken();
        LocalDate checkIn = LocalDate.now(ZoneId.of("America/New_York")).plusDays(5);
        List<String> stays = new ArrayList<>();
        for (String who : List.of("mover-one", "mover-two")) {
            String guest = guests.loggedInGuest(who);
            String id = http.post("/api/v1/bookings", json(bookingOf(cabins.toString(), checkIn, checkIn.plusDays(2), 1)), guest).json().path("id")
                    .asString();
            assertThat(http.post("/api/v1/bookings/" + id + "/payments", json(Map.of("paymentToken", "tok_visa")), guest).status()).isEqualTo(201);
            stays.add(id);
        }
        String free = jdbc.sql("SELECT number FROM rooms r WHERE room_type_id = :type AND NOT EXISTS (SELECT 1 FROM bookings b WHERE b.room_id = r.id)")
                .param("type", cabins.value()).query(String.class).single();
        ExecutorService clerks = Executors.newFixedThreadPool(2);
        List<Future<Reply>> moves = new ArrayList<>();
        try {
            // The free room held for a moment, so that both moves are under way before either can take it.
            new TransactionTemplate(transactions).executeWithoutResult(status -> {
                jdbc.sql("SELECT id FROM rooms WHERE number = :number FOR NO KEY UPDATE").param("number", free).query(UUID.class).single();
                stays.forEach(id -> moves.add(clerks.submit(() -> http.post("/api/v1/admin/bookings/" + id + "/move",
                        json(Map.of("roomNumber", free)), staff))));
                await().atMost(Duration.ofSeconds(10)).until(() -> jdbc.sql(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'").query(Long.class)
                        .single() >= 2);
            });
            List<Reply> replies = new ArrayList<>();
            for (Future<Reply> move : moves) {
                replies.add(move.get(20, TimeUnit.SECONDS));
            }

            assertThat(replies).extracting(Reply::status).containsExactlyInAnyOrder(200, 409);
            Reply refused = replies.stream().filter(reply -> reply.status() == 409).findFirst().orElseThrow();
            assertThat(refused.json().path("type").asString()).isEqualTo("/problems/booking-state");
            assertThat(refused.json().path("detail").asString())
                    .isEqualTo("Room %s is not a free room of the same type for %s to %s.".formatted(free, checkIn, checkIn.plusDays(2)));
        } finally {
            clerks.shutdownNow();
        }
        assertThat(jdbc.sql("SELECT count(*) FROM bookings b JOIN rooms r ON r.id = b.room_id WHERE r.number = :number").param("number", free)
                .query(Long.class).single()).isOne();
    }

    @Test
    void an_admin_adds_a_room_type_its_room_a_season_and_a_code_and_guests_can_book_them_all_audited() {
        String admin = guests.adminAccessToken();
        String guest = guests.loggedInGuest("booker");
        String name = "Loft " + UUID.randomUUID().toString().substring(0, 6);

        Reply type = http.post("/api/v1/admin/room-types", json(Map.of("name", name, "description", "Under the roof", "maxOccupancy", 3,
                "baseRate", "129.00", "amenities", List.of("Skylight"))), admin);
        assertThat(type.status()).as(type.body()).isEqualTo(201);
        String typeId = type.json().path("id").asString();
        assertThat(http.post("/api/v1/admin/room-types", json(Map.of("name", name, "maxOccupancy", 3, "baseRate", "129.00")), admin)
                .json().path("errors").get(0).path("field").asString()).isEqualTo("name");
        assertField(http.post("/api/v1/admin/room-types", json(Map.of("name", name + "x", "maxOccupancy", 3, "baseRate", "0")), admin), 400, "baseRate");
        assertThat(http.post("/api/v1/admin/room-types", json(Map.of("name", "Nope", "maxOccupancy", 3, "baseRate", "10.00")), guest).status())
                .isEqualTo(403);

        String room = http.post("/api/v1/admin/rooms", json(Map.of("roomTypeId", typeId, "number", "L" + ThreadLocalRandom.current().nextInt(10_000_000),
                "floor", 3)), admin).json().path("id").asString();
        Reply plan = http.post("/api/v1/admin/rate-plans", json(Map.of("roomTypeId", typeId, "name", "Loft season", "validFrom", checkIn.toString(),
                "validUntil", checkIn.plusDays(10).toString(), "weekdayRate", "150.00", "weekendRate", "150.00", "minimumStay", 1)), admin);
        assertThat(plan.status()).as(plan.body()).isEqualTo(201);
        JsonNode offer = named(http.get("/api/v1/availability?checkIn=" + checkIn + "&checkOut=" + checkIn.plusDays(2) + "&guests=3").json()
                .path("roomTypes"), name);
        assertThat(offer.path("availableRooms").asInt()).isEqualTo(1);
        assertThat(offer.path("total").path("amount").asString()).isEqualTo("300.00");

        String code = "LOFT" + ThreadLocalRandom.current().nextInt(1_000_000);
        assertThat(http.post("/api/v1/admin/promotions", json(Map.of("code", code, "kind", "FIXED", "value", "50.00", "validFrom", checkIn.toString(),
                "validUntil", checkIn.plusDays(30).toString(), "perGuestLimit", 1, "minimumNights", 1)), admin).status()).isEqualTo(201);
        Reply booked = http.post("/api/v1/bookings", json(withPromo(bookingOf(typeId, checkIn, checkIn.plusDays(2), 2), code.toLowerCase())), guest);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        assertThat(booked.json().path("total").path("amount").asString()).isEqualTo("250.00");

        assertThat(http.post("/api/v1/admin/rooms/" + room + "/closures", json(Map.of("starts", checkIn.toString(),
                "ends", checkIn.plusDays(1).toString(), "reason", "paint")), admin).status()).as("booked nights cannot close").isEqualTo(409);
        assertThat(http.post("/api/v1/admin/rooms/" + room + "/closures", json(Map.of("starts", checkIn.plusDays(5).toString(),
                "ends", checkIn.plusDays(7).toString(), "reason", "paint")), admin).status()).isEqualTo(201);
        assertThat(named(http.get("/api/v1/availability?checkIn=" + checkIn.plusDays(5) + "&checkOut=" + checkIn.plusDays(6) + "&guests=1").json()
                .path("roomTypes"), name).path("availableRooms").asInt()).isZero();

        assertThat(http.get("/api/v1/admin/audit?entityType=room-type&entityId=" + typeId, admin).json().findValuesAsString("action"))
                .containsExactly("ROOM_TYPE_ADDED");
        assertThat(http.get("/api/v1/admin/audit?entityType=room&entityId=" + room, admin).json().findValuesAsString("action"))
                .containsExactly("ROOM_ADDED", "ROOM_CLOSED");
    }

    private RoomTypeId cabinsWithRooms(int rooms) {
        RoomType cabin = new RoomType(RoomTypeId.random(), SeedDemoDataService.WEST_BETHEL, "Test Cabin " + UUID.randomUUID(), "", 2,
                Money.of("150.00", "USD"), List.of());
        inventory.addRoomType(cabin);
        for (int i = 0; i < rooms; i++) {
            inventory.addRoom(RoomId.random(), SeedDemoDataService.WEST_BETHEL, cabin.id(), "T" + ThreadLocalRandom.current().nextInt(10_000_000), 9);
        }
        return cabin.id();
    }

    @Test
    void room_types_and_availability_are_public() {
        JsonNode types = http.get("/api/v1/room-types").json();

        assertThat(types.findValuesAsString("name")).contains("Queen Room", "King Room", "Double Queen", "Family Suite");
        assertThat(http.get("/api/v1/availability?checkIn=" + checkIn + "&checkOut=" + checkIn.plusDays(1)).status()).isEqualTo(200);
    }

    private void assertField(Reply reply, int status, String field) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(status);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("errors").get(0).path("field").asString()).as(reply.body()).isEqualTo(field);
    }

    private Reply bookWithKey(String access, String key, Map<String, Object> booking) {
        return http.send(http.request("/api/v1/bookings").header("Content-Type", "application/json").header("Authorization", "Bearer " + access)
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(json(booking))));
    }

    private Reply payWithKey(String access, String bookingId, String key, String token) {
        return http.send(http.request("/api/v1/bookings/" + bookingId + "/payments").header("Content-Type", "application/json")
                .header("Authorization", "Bearer " + access).header("Idempotency-Key", key)
                .POST(HttpRequest.BodyPublishers.ofString(json(Map.of("paymentToken", token)))));
    }

    private static Map<String, Object> bookingOf(String roomTypeId, LocalDate from, LocalDate to, int guests) {
        Map<String, Object> booking = new HashMap<>();
        booking.put("roomTypeId", roomTypeId);
        booking.put("checkIn", from.toString());
        booking.put("checkOut", to.toString());
        booking.put("guests", guests);
        return booking;
    }

    private static Map<String, Object> withPromo(Map<String, Object> booking, String code) {
        booking.put("promoCode", code);
        return booking;
    }

    private String roomTypeId(String name) {
        return named(http.get("/api/v1/room-types").json(), name).path("id").asString();
    }
}
