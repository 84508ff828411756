package com.westbethel.motel.load;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.feed;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.randomSwitch;
import static io.gatling.javaapi.core.CoreDsl.responseTimeInMillis;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.Choice;
import io.gatling.javaapi.core.Session;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import io.gatling.javaapi.http.HttpRequestActionBuilder;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * What the motel's visitors do, as Gatling chains. Searching is anonymous. Booking is guest checkout, as most of the
 * motel's guests book: search, choose a room type with a free room, hold it with the guest's details (the answer's
 * manageToken opens that booking), then pay with the sandbox's approving card through the {@code Booking-Token}
 * header. A 409 (the last room went to another guest between the search and the booking) is a right answer; any other
 * status than the one expected fails the request. Each request's outcome is also counted in a {@link PhaseStatistics}.
 */
final class MotelTraffic {

    private static final String BOOKING = """
            {"roomTypeId":"#{roomTypeId}","checkIn":"#{checkIn}","checkOut":"#{checkOut}","guests":#{guests},
             "guest":{"firstName":"#{firstName}","lastName":"#{lastName}","email":"#{email}","phone":"+1 207 555 0100"}}""";
    private static final String APPROVING_CARD = "{\"paymentToken\":\"tok_visa\"}";

    private final LoadSettings settings;
    private final PhaseStatistics statistics;

    MotelTraffic(LoadSettings settings, PhaseStatistics statistics) {
        this.settings = settings;
        this.statistics = statistics;
    }

    HttpProtocolBuilder protocol() {
        // Several comma-separated URLs (replicas): each user keeps to one, the users taking them in turn.
        return http.baseUrls(List.of(settings.baseUrl().split(","))).acceptHeader("application/json").userAgentHeader("west-bethel-load-tests");
    }

    /** A visitor who searches in {@code bookingPercent} of cases then books and pays, and otherwise only searches. */
    ChainBuilder visit(double bookingPercent) {
        return randomSwitch().on(
                new Choice.WithWeight(100 - bookingPercent, search()),
                new Choice.WithWeight(bookingPercent, bookAndPay()));
    }

    /** Anonymous: what is free for a random stay. */
    ChainBuilder search() {
        return feed(new Guests(settings.horizonDays()))
                .exec(counted(http("search availability").get("/api/v1/availability")
                        .queryParam("checkIn", "#{checkIn}").queryParam("checkOut", "#{checkOut}").queryParam("guests", "#{guests}")
                        .check(jsonPath("$.roomTypes[?(@.availableRooms > 0)].roomTypeId").findAll().optional().saveAs("freeRoomTypes")),
                        Set.of(200)))
                .exec(thinking());
    }

    /** Search, hold a free room type as a guest without an account, pay with the booking's token. */
    ChainBuilder bookAndPay() {
        return exec(search()).doIf(session -> session.contains("freeRoomTypes")).then(
                exec(MotelTraffic::chooseARoomType)
                        .exec(counted(http("book as a guest").post("/api/v1/bookings")
                                .header("Idempotency-Key", session -> UUID.randomUUID().toString())
                                .body(StringBody(BOOKING)).asJson()
                                .check(jsonPath("$.id").optional().saveAs("bookingId"))
                                .check(jsonPath("$.manageToken").optional().saveAs("manageToken")),
                                Set.of(201, 409)))
                        .exec(thinking())
                        .doIf(session -> session.contains("manageToken")).then(
                                exec(counted(http("pay with the booking token").post("/api/v1/bookings/#{bookingId}/payments")
                                        .header("Booking-Token", "#{manageToken}")
                                        .body(StringBody(APPROVING_CARD)).asJson(),
                                        Set.of(201)))));
    }

    private ChainBuilder thinking() {
        return settings.thinkTime().isZero() ? exec(session -> session)
                : pause(session -> Duration.ofMillis(ThreadLocalRandom.current().nextLong(settings.thinkTime().toMillis() + 1)));
    }

    private static Session chooseARoomType(Session session) {
        List<String> free = session.getList("freeRoomTypes");
        return session.set("roomTypeId", free.get(ThreadLocalRandom.current().nextInt(free.size())));
    }

    /** The request with its expected statuses checked, its outcome counted in the phase the run is in. */
    private ChainBuilder counted(HttpRequestActionBuilder request, Set<Integer> expected) {
        // The saving checks come first: Gatling stops at the first check that fails.
        return exec(request.check(status().saveAs("status"), responseTimeInMillis().saveAs("millis"))
                .check(status().in(expected.toArray(Integer[]::new))))
                .exec(session -> {
                    int status = session.contains("status") ? session.getInt("status") : 0;
                    long millis = session.contains("millis") ? session.getInt("millis") : 0;
                    statistics.record(statistics.currentPhase(), status, millis, expected.contains(status));
                    return session.remove("status").remove("millis");
                });
    }
}
