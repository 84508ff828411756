package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;

/**
 * The business metrics on the management port's {@code /actuator/prometheus}, as the alert rules and the dashboard read
 * them, after real requests against PostgreSQL. The counters belong to the context every API test of the default
 * configuration shares: each test reads them before and after.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BusinessMetricsIT extends AbstractApiIT {

    private static final Pattern BUCKET_EDGE = Pattern.compile("le=\"([^\"]+)\"");

    @LocalManagementPort
    int managementPort;

    HttpProbe management;
    LocalDate checkIn;

    @BeforeEach
    void connectToManagement() {
        management = HttpProbe.withoutContract(managementPort);
        checkIn = LocalDate.now(ZoneId.of("America/New_York")).plusDays(400 + ThreadLocalRandom.current().nextInt(2000));
    }

    @Test
    void a_booking_a_declined_card_and_an_approved_one_show_as_created_declined_succeeded_and_the_bookings_value() {
        String access = guests.loggedInGuest("metrics");
        Scrape before = scrape();

        Reply booked = http.post("/api/v1/bookings", json(booking(roomTypeId("Queen Room"), checkIn, 2)), access);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        String id = booked.json().path("id").asString();
        BigDecimal total = new BigDecimal(booked.json().path("total").path("amount").asString());
        assertThat(http.post("/api/v1/bookings/" + id + "/payments", json(Map.of("paymentToken", "tok_chargeDeclined")), access).status())
                .isEqualTo(402);
        assertThat(http.post("/api/v1/bookings/" + id + "/payments", json(Map.of("paymentToken", "tok_visa")), access).status()).isEqualTo(201);

        Scrape after = scrape();
        assertThat(after.delta(before, "motel_bookings_total", "channel=\"api\"")).isEqualTo(1);
        assertThat(after.delta(before, "motel_bookings_total", "channel=\"web\"")).isZero();
        assertThat(after.delta(before, "motel_payments_total", "outcome=\"declined\"")).isEqualTo(1);
        assertThat(after.delta(before, "motel_payments_total", "outcome=\"succeeded\"")).isEqualTo(1);
        assertThat(after.delta(before, "motel_payments_total", "outcome=\"error\"")).isZero();
        assertThat(after.delta(before, "motel_booking_value_count", "channel=\"api\"", "currency=\"USD\"")).isEqualTo(1);
        assertThat(after.delta(before, "motel_booking_value_sum", "channel=\"api\"", "currency=\"USD\""))
                .as("in dollars").isEqualTo(total.doubleValue());
        assertThat(after.value("motel_booking_value_max", "channel=\"api\"", "currency=\"USD\"")).isPositive();
        assertThat(after.text()).contains("application=\"motel-api\"");
        // Prometheus's Java client keeps "_created" for the creation time of a series and drops it from a name: the counter
        // motel.bookings.created is exposed as motel_bookings_total, the name the alert rules and the dashboard must use.
        assertThat(after.text()).contains("motel_bookings_total{application=\"motel-api\",channel=\"api\"}")
                .doesNotContain("motel_bookings_created_total");
    }

    @Test
    void a_refused_booking_adds_nothing_and_a_cancellation_by_staff_counts_for_the_front_desk() {
        String access = guests.loggedInGuest("metrics");
        String suite = roomTypeId("Family Suite");
        // The motel has two Family Suites: both held, a third is sold out.
        String first = http.post("/api/v1/bookings", json(booking(suite, checkIn, 1)), access).json().path("id").asString();
        assertThat(http.post("/api/v1/bookings", json(booking(suite, checkIn, 1)), access).status()).isEqualTo(201);
        Scrape before = scrape();

        Reply soldOut = http.post("/api/v1/bookings", json(booking(suite, checkIn, 1)), guests.loggedInGuest("metrics"));
        Reply cancelled = http.post("/api/v1/bookings/" + first + "/cancel", "{}", guests.adminAccessToken());

        assertThat(soldOut.status()).as(soldOut.body()).isEqualTo(409);
        assertThat(cancelled.status()).isEqualTo(200);
        Scrape after = scrape();
        assertThat(after.delta(before, "motel_bookings_total")).as("the refused booking").isZero();
        assertThat(after.delta(before, "motel_bookings_cancelled_total", "channel=\"front_desk\"")).isEqualTo(1);
        assertThat(after.delta(before, "motel_bookings_cancelled_total", "channel=\"api\"")).isZero();
    }

    @Test
    void registrations_and_logins_are_counted_by_outcome_and_token_checks_are_timed() {
        Scrape before = scrape();

        String email = guests.verifiedGuest("metrics");
        String access = guests.accessToken(email);
        assertThat(guests.logIn(email, Guests.WRONG_PASSWORD).status()).isEqualTo(401);
        String attacker = Guests.randomAddress();
        for (int i = 0; i < 5; i++) {
            guests.failedLogInFrom(attacker, email);
        }
        assertThat(guests.logInFrom(attacker, email, Guests.PASSWORD).status()).as("locked out").isEqualTo(429);
        assertThat(http.get("/api/v1/users/me", access).status()).isEqualTo(200);
        assertThat(http.get("/api/v1/users/me", "not-a-token").status()).isEqualTo(401);

        Scrape after = scrape();
        assertThat(after.delta(before, "motel_registrations_total")).isEqualTo(1);
        assertThat(after.delta(before, "motel_logins_total", "outcome=\"success\"")).isEqualTo(1);
        assertThat(after.delta(before, "motel_logins_total", "outcome=\"failure\"")).isEqualTo(6);
        assertThat(after.delta(before, "motel_logins_total", "outcome=\"locked\"")).isEqualTo(1);
        assertThat(after.delta(before, "motel_token_validation_seconds_count", "outcome=\"valid\"")).isGreaterThanOrEqualTo(1);
        assertThat(after.delta(before, "motel_token_validation_seconds_count", "outcome=\"invalid\"")).isGreaterThanOrEqualTo(1);
        assertThat(after.text()).as("histograms for p95 alerts").contains("motel_token_validation_seconds_bucket{")
                .contains("http_server_requests_seconds_bucket{");
        assertThat(bucketEdges(after, "http_server_requests_seconds_bucket{", "uri=\"/api/v1/users/me\""))
                .as("a bounded set of buckets, with an edge at the 1 s of the latency alert")
                .contains("1.0", "+Inf").hasSizeLessThanOrEqualTo(12);
        assertThat(bucketEdges(after, "motel_token_validation_seconds_bucket{", "outcome=\"valid\"")).hasSizeLessThanOrEqualTo(10);
    }

    /** The distinct {@code le} of one histogram's buckets, over the series whose line holds {@code selector}. */
    private static Set<String> bucketEdges(Scrape scrape, String bucket, String selector) {
        return scrape.text().lines().filter(line -> line.startsWith(bucket) && line.contains(selector))
                .map(BUCKET_EDGE::matcher).filter(Matcher::find).map(edge -> edge.group(1))
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private Scrape scrape() {
        Reply reply = management.get("/actuator/prometheus");
        assertThat(reply.status()).isEqualTo(200);
        return new Scrape(reply.body());
    }

    private String roomTypeId(String name) {
        return named(http.get("/api/v1/room-types").json(), name).path("id").asString();
    }

    private static Map<String, Object> booking(String roomTypeId, LocalDate from, int nights) {
        return Map.of("roomTypeId", roomTypeId, "checkIn", from.toString(), "checkOut", from.plusDays(nights).toString(), "guests", 1);
    }

    /** One read of the Prometheus text format. */
    record Scrape(String text) {

        /** The sum of the samples of {@code name} whose labels include all of {@code labels}. */
        double value(String name, String... labels) {
            return samples(name, labels).mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1))).sum();
        }

        /**
         * How much the series grew since {@code before} (where it may not exist yet: a series with a tag such as the
         * currency appears at its first sample). It must exist now, so that a misspelt name or label, or a series that
         * disappeared, fails instead of reading 0 - 0 as "nothing counted".
         */
        double delta(Scrape before, String name, String... labels) {
            assertThat(samples(name, labels)).as("%s%s in the scrape", name, Arrays.toString(labels)).isNotEmpty();
            return value(name, labels) - before.value(name, labels);
        }

        private Stream<String> samples(String name, String... labels) {
            return text.lines()
                    .filter(line -> line.startsWith(name + "{") || line.startsWith(name + " "))
                    .filter(line -> Arrays.stream(labels).allMatch(line::contains));
        }
    }
}
