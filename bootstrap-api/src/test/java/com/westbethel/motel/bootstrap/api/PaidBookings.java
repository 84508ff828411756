package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/** A guest's booking, paid through the API: what queues the confirmation, the receipt and the points emails. */
public final class PaidBookings {

    private PaidBookings() {
    }

    /** Books two nights of a Queen Room, a year or more ahead, as the guest of {@code bearer}, and pays with the sandbox's test card. */
    public static void payForABooking(HttpProbe http, String bearer) {
        LocalDate checkIn = LocalDate.now(ZoneId.of("America/New_York")).plusDays(400 + ThreadLocalRandom.current().nextInt(2000));
        String queen = AbstractApiIT.named(http.get("/api/v1/room-types").json(), "Queen Room").path("id").asString();
        Reply booked = http.post("/api/v1/bookings", json(Map.of("roomTypeId", queen, "checkIn", checkIn.toString(),
                "checkOut", checkIn.plusDays(2).toString(), "guests", 2)), bearer);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        Reply paid = http.post("/api/v1/bookings/" + booked.json().path("id").asString() + "/payments", json(Map.of("paymentToken", "tok_visa")),
                bearer);
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
    }
}
