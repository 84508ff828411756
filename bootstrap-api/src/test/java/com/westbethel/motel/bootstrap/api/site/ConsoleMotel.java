package com.westbethel.motel.bootstrap.api.site;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe;
import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/**
 * What the console's browser tests act on, made through the API as the admin: a room type of the test's own with its
 * rooms (so that what other tests book on the shared database never fills it), and a guest's paid stays in it.
 */
record ConsoleMotel(HttpProbe http, int port, JdbcClient jdbc, String admin) {

    /** A room type named {@code name} and a suffix, with {@code rooms} rooms numbered {@code prefix}, the suffix and 1, 2... */
    record RoomType(String id, String name, List<String> rooms) {
    }

    static ConsoleMotel asAdmin(HttpProbe http, int port, JdbcClient jdbc, String adminEmail, String adminPassword) {
        return new ConsoleMotel(http, port, jdbc, StaffClerk.logIn(http, adminEmail, adminPassword).json().path("accessToken").asString());
    }

    RoomType roomType(String name, String prefix, int rooms) {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String id = created(http.post("/api/v1/admin/room-types", json(Map.of("name", name + " " + suffix, "maxOccupancy", 2, "baseRate", "95.00")),
                admin));
        List<String> numbers = new ArrayList<>();
        for (int room = 1; room <= rooms; room++) {
            String number = prefix + suffix + (rooms == 1 ? "" : room);
            created(http.post("/api/v1/admin/rooms", json(Map.of("roomTypeId", id, "number", number, "floor", 1)), admin));
            numbers.add(number);
        }
        return new RoomType(id, name + " " + suffix, numbers);
    }

    /** Today at the motel, as the front desk's day says. */
    LocalDate today() {
        return LocalDate.parse(http.get("/api/v1/admin/front-desk/today", admin).json().path("date").asString());
    }

    /** A new guest's (Kari Holm's) booking of the type from {@code checkIn}, paid by card: the booking as the API answered it. */
    JsonNode paidStay(RoomType type, LocalDate checkIn, int nights) {
        String email = Accounts.uniqueEmail("desk-guest");
        TestAccounts.verified(port, jdbc, email);
        String guest = StaffClerk.logIn(http, email, TestAccounts.PASSWORD).json().path("accessToken").asString();
        Reply booked = http.post("/api/v1/bookings", json(Map.of("roomTypeId", type.id(), "checkIn", checkIn.toString(),
                "checkOut", checkIn.plusDays(nights).toString(), "guests", 1)), guest);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        Reply paid = http.post("/api/v1/bookings/" + booked.json().path("id").asString() + "/payments", json(Map.of("paymentToken", "tok_visa")),
                guest);
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        return booked.json();
    }

    private static String created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("id").asString();
    }
}
