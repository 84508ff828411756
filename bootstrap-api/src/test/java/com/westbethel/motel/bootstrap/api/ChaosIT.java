package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.bootstrap.api.Guests.PASSWORD;
import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.westbethel.motel.adapters.persistence.booking.JdbcInventory;
import com.westbethel.motel.application.booking.service.SeedDemoDataService;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.shared.Money;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Chaos (spec section 5.6): the API in front of PostgreSQL and Redis through {@link ChaosProxy}s, which
 * "restart" and slow those servers down without touching the real ones (other builds share them).
 * Each scenario prints one {@code CHAOS ...} line with its figures.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@DirtiesContext // the context talks through proxies that close with this class
class ChaosIT {

    private static final String DATABASE_URL = System.getProperty("MOTEL_TEST_DATABASE_URL",
            Objects.requireNonNullElse(System.getenv("MOTEL_TEST_DATABASE_URL"), "jdbc:postgresql://127.0.0.1:5432/motel_test"));
    private static final URI DATABASE = URI.create(DATABASE_URL.substring("jdbc:".length()));
    /** The API gives up a database read after this long (production: 30 s): well under the slow database's latency. */
    private static final int SOCKET_TIMEOUT_SECONDS = 2;
    /** Longer than the 3 s a request waits for a pooled connection, so that requests started in it fail for certain. */
    private static final Duration OUTAGE = Duration.ofSeconds(8);

    static final ChaosProxy postgres = ChaosProxy.to("postgres", DATABASE.getHost(), DATABASE.getPort() < 0 ? 5432 : DATABASE.getPort());
    static final ChaosProxy redis = ChaosProxy.to("redis", "127.0.0.1", 6379);

    @DynamicPropertySource
    static void throughTheProxies(DynamicPropertyRegistry properties) {
        properties.add("spring.datasource.url", () -> DATABASE_URL.replace(DATABASE.getRawAuthority(), "127.0.0.1:" + postgres.port()));
        properties.add("spring.datasource.hikari.data-source-properties.socketTimeout", () -> SOCKET_TIMEOUT_SECONDS);
        properties.add("spring.data.redis.host", () -> "127.0.0.1");
        properties.add("spring.data.redis.port", redis::port);
        // Low enough to see the per-process fallback buckets refuse while Redis is down.
        properties.add("motel.rate-limit.per-address.password-reset", () -> "3/1m");
    }

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JdbcInventory inventory;

    @Autowired
    IdentityConfiguration.MfaEncryptionKey outboxKey;

    private static RedisClient directRedis;

    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    /** The room type each Idempotency-Key booked, so that a retry sends the same body. */
    private final Map<String, String> keyedRoomTypes = new ConcurrentHashMap<>();
    private HttpProbe http;
    private Guests people;
    private LocalDate stays;

    @BeforeEach
    void healthyServers() {
        http = new HttpProbe(port);
        people = new Guests(http, jdbc, outboxKey);
        stays = LocalDate.now(ZoneId.of("America/New_York")).plusDays(400 + ThreadLocalRandom.current().nextInt(1500));
        await().atMost(Duration.ofSeconds(30)).until(() -> call(availability(stays), Duration.ofSeconds(10)).status() == 200);
    }

    @AfterEach
    void healServers() {
        postgres.heal();
        redis.heal();
    }

    @AfterAll
    static void closeProxies() {
        postgres.close();
        redis.close();
        if (directRedis != null) {
            directRedis.shutdown();
        }
    }

    /** Scenario a: PostgreSQL restarts under a load of searches and bookings. */
    @Test
    void a_database_restart_under_load_fails_requests_cleanly_with_503_and_books_nothing_by_half() throws Exception {
        RoomTypeId cabins = cabinsWithRooms(2);
        List<String> guests = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            guests.add(people.loggedInGuest("chaos"));
        }
        Load load = new Load(cabins, guests);
        load.start(4);
        Instant cutAt;
        Instant resumedAt;
        List<Outcome> outcomes;
        try {
            await().atMost(Duration.ofSeconds(30)).until(() -> load.count(Outcome::succeeded) >= 100 && load.count(Outcome::booked) >= 2);

            cutAt = Instant.now();
            postgres.cutFor(OUTAGE);
            await().atMost(OUTAGE.plusSeconds(15)).until(() -> postgres.resumedAt() != null
                    && load.count(outcome -> outcome.succeeded() && outcome.end().isAfter(postgres.resumedAt())) >= 1);
            resumedAt = postgres.resumedAt();
            await().atMost(Duration.ofSeconds(20)).until(() -> load.count(outcome -> outcome.booked() && outcome.start().isAfter(resumedAt)) >= 1
                    && load.count(outcome -> outcome.succeeded() && outcome.start().isAfter(resumedAt)) >= 100);
        } finally {
            outcomes = load.stop();
        }

        List<Outcome> failed = outcomes.stream().filter(outcome -> !outcome.succeeded()).toList();
        Instant recovered = outcomes.stream().filter(outcome -> outcome.succeeded() && outcome.end().isAfter(resumedAt))
                .map(Outcome::end).min(Comparator.naturalOrder()).orElseThrow();
        Map<Integer, Long> statuses = byStatus(outcomes);
        List<Outcome> retried = retryFailedBookings(outcomes);
        System.out.printf("CHAOS postgres-restart: %d requests (%d searches, %d bookings), %d failed around the %.1f s outage; statuses %s, "
                        + "0 hung; first success %.1f s after the restart (%.1f s after the cut); %d failed bookings retried with their "
                        + "Idempotency-Key: %s%n",
                outcomes.size(), outcomes.stream().filter(outcome -> !outcome.kind().equals("booking")).count(),
                outcomes.stream().filter(outcome -> outcome.kind().equals("booking")).count(), failed.size(), OUTAGE.toMillis() / 1000.0,
                statuses,
                seconds(resumedAt, recovered), seconds(cutAt, recovered), retried.size(), byStatus(retried));

        assertThat(failed).as("bookings meet the outage too").anySatisfy(outcome -> assertThat(outcome.kind()).isEqualTo("booking"));
        assertThat(failed).as("every failure is a clean 503 problem with Retry-After, none a 500 and none left hanging")
                .allSatisfy(ChaosIT::assertCleanUnavailable);
        assertThat(seconds(resumedAt, recovered)).as("the pool takes connections again within 15 s of the restart "
                + "(Hikari retries at most every connection-timeout / 2 = 1.5 s)").isLessThan(15.0);
        assertThat(retried).as("a retry with the same key books now or returns what the first attempt committed")
                .allSatisfy(outcome -> assertThat(outcome.status()).as(outcome.body()).isEqualTo(201));
        assertBookedExactlyOncePerKey(cabins, outcomes, retried);
    }

    /** Scenario b: Redis stops and starts again; revocation holds through PostgreSQL, limits fall back to this process. */
    @Test
    void with_redis_stopped_the_api_keeps_serving_revocations_hold_and_limits_count_locally() {
        String guest = people.verifiedGuest("chaos");
        String revokedBefore = people.accessToken(guest);
        String revokedDuring = people.accessToken(guest);
        assertThat(http.post("/api/v1/auth/logout", "{}", revokedBefore).status()).isEqualTo(204);
        List<Outcome> during = new ArrayList<>();

        Instant stoppedAt = Instant.now();
        redis.cut();
        during.add(call(get("/api/v1/users/me", revokedBefore)));
        during.add(call(get("/api/v1/users/me", revokedDuring)));
        during.add(call(post("/api/v1/auth/logout", "{}", revokedDuring)));
        during.add(call(get("/api/v1/users/me", revokedDuring)));
        String fresh = people.accessToken(guest);
        during.add(call(get("/api/v1/users/me", fresh)));
        during.add(call(availability(stays)));
        during.add(call(post("/api/v1/bookings", json(bookingOf(roomTypeId("Queen Room"), stays, stays.plusDays(1))), fresh)));
        during.add(call(post("/api/v1/auth/register", json(Map.of("email", "chaos-" + UUID.randomUUID() + "@example.com", "password", PASSWORD,
                "firstName", "Kari", "lastName", "Holm")), null)));
        // 3 password-reset requests a minute (this class's setting), counted in this process while Redis is down.
        List<Integer> resets = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Outcome reset = call(post("/api/v1/auth/reset-password", json(Map.of("token", "no-such-token", "newPassword", PASSWORD)), null));
            during.add(reset);
            resets.add(reset.status());
        }
        Outcome refusedReset = during.get(during.size() - 1);
        during.add(call(post("/api/v1/auth/forgot-password", json(Map.of("email", guest)), null)));
        Instant restartedAt = redis.resume();

        // Authenticated requests drive the revocation list back to Redis: it retries after a pause and reloads its copy.
        await().atMost(Duration.ofSeconds(40)).pollInterval(Duration.ofMillis(250))
                .until(() -> call(get("/api/v1/users/me", fresh)).status() == 200 && revocationCopyReloadedAfter(stoppedAt));
        Instant reloaded = Instant.now();
        int beforeAfter = http.get("/api/v1/users/me", revokedBefore).status();
        int duringAfter = http.get("/api/v1/users/me", revokedDuring).status();
        int freshAfter = http.get("/api/v1/users/me", fresh).status();
        System.out.printf("CHAOS redis-restart: %d requests during a %.1f s outage %s, 0 5xx; revoked before / during the outage: %d / %d "
                        + "while down, %d / %d after; reset attempts while down %s (local bucket of 3); Redis copy of the revocation list "
                        + "reloaded within %.1f s of the restart%n",
                during.size(), seconds(stoppedAt, restartedAt), byStatus(during), during.get(0).status(), during.get(3).status(),
                beforeAfter, duringAfter, resets, seconds(restartedAt, reloaded));

        assertThat(during).as("no 5xx while Redis is down").allSatisfy(outcome -> assertThat(outcome.status()).as(outcome.body()).isBetween(200, 499));
        assertThat(during.get(0).status()).as("revoked before the outage, refused during it").isEqualTo(401);
        assertThat(during.get(1).status()).isEqualTo(200);
        assertThat(during.get(2).status()).as("logout works without Redis").isEqualTo(204);
        assertThat(during.get(3).status()).as("revoked during the outage, refused during it").isEqualTo(401);
        assertThat(during.get(4).status()).isEqualTo(200);
        assertThat(during.get(6).status()).as("booking while Redis is down").isEqualTo(201);
        assertThat(resets.subList(0, 3)).as("within the limit: an unknown token is refused").allSatisfy(status -> assertThat(status).isBetween(400, 428));
        assertThat(refusedReset.status()).as("beyond the limit, counted in this process").isEqualTo(429);
        assertThat(refusedReset.retryAfter()).isNotBlank();
        assertThat(beforeAfter).as("revoked before, refused after the restart").isEqualTo(401);
        assertThat(duringAfter).as("revoked during the outage, refused after the restart (Redis reloaded from PostgreSQL)").isEqualTo(401);
        assertThat(freshAfter).isEqualTo(200);
    }

    /**
     * Scenario c: Redis and PostgreSQL both away. A signed-in request's revocation check, made in a filter before Spring MVC,
     * falls back from Redis to PostgreSQL and finds it away too: it is refused like any other request that needs the database,
     * a 503 problem with Retry-After (it was a 500), and served again once they are back.
     */
    @Test
    void with_redis_and_the_database_both_away_a_signed_in_request_is_a_clean_503() {
        String guest = people.loggedInGuest("chaos");
        assertThat(call(get("/api/v1/users/me", guest)).status()).isEqualTo(200);
        String queenRoom = roomTypeId("Queen Room");

        redis.cut();
        postgres.cut();
        Outcome signedIn;
        Outcome booking;
        try {
            signedIn = call(get("/api/v1/users/me", guest));
            booking = call(post("/api/v1/bookings", json(bookingOf(queenRoom, stays, stays.plusDays(1))), guest));
        } finally {
            postgres.heal();
            redis.heal();
        }
        System.out.printf("CHAOS both-away: signed-in read %d in %.1f s, booking %d in %.1f s%n", signedIn.status(), signedIn.seconds(),
                booking.status(), booking.seconds());

        assertCleanUnavailable(signedIn);
        assertCleanUnavailable(booking);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(250)).until(() -> call(get("/api/v1/users/me", guest)).status() == 200);
    }

    /** Scenario d: every answer from PostgreSQL arrives 3 s late, beyond the API's 2 s read timeout. */
    @Test
    void a_database_slower_than_the_read_timeout_answers_503_in_bounded_time_and_the_pool_recovers() throws Exception {
        RoomTypeId cabins = cabinsWithRooms(1);
        List<String> guests = List.of(people.loggedInGuest("chaos"), people.loggedInGuest("chaos"));
        List<String> keys = List.of(UUID.randomUUID().toString(), UUID.randomUUID().toString());

        postgres.delayAnswers(Duration.ofSeconds(3));
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Outcome>> calls = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            LocalDate from = stays.plusDays(i);
            calls.add(pool.submit(() -> call(availability(from), Duration.ofSeconds(20))));
        }
        for (int i = 0; i < 2; i++) {
            int guest = i;
            HttpRequest.Builder booking = bookingRequest(guests.get(i), keys.get(i), cabins, stays.plusDays(2L * i));
            calls.add(pool.submit(() -> call(booking, Duration.ofSeconds(20)).asBooking(guests.get(guest), keys.get(guest), stays.plusDays(2L * guest))));
        }
        List<Outcome> slow = new ArrayList<>();
        for (Future<Outcome> call : calls) {
            slow.add(call.get());
        }
        pool.shutdown();
        Instant healedAt = Instant.now();
        postgres.delayAnswers(Duration.ZERO);
        await().atMost(Duration.ofSeconds(20)).pollInterval(Duration.ofMillis(200))
                .until(() -> call(availability(stays), Duration.ofSeconds(10)).status() == 200);
        double recovery = seconds(healedAt, Instant.now());
        List<Outcome> retried = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            retried.add(call(bookingRequest(guests.get(i), keys.get(i), cabins, stays.plusDays(2L * i)), Duration.ofSeconds(10))
                    .asBooking(guests.get(i), keys.get(i), stays.plusDays(2L * i)));
        }
        System.out.printf("CHAOS slow-database: %d concurrent requests with 3 s added per round trip (read timeout %d s): %s, slowest "
                        + "answered in %.1f s, 0 hung; first success %.1f s after the latency was removed; both bookings retried with "
                        + "their key: %s%n",
                slow.size(), SOCKET_TIMEOUT_SECONDS, byStatus(slow), slow.stream().mapToDouble(Outcome::seconds).max().orElseThrow(),
                recovery, byStatus(retried));

        assertThat(slow).as("each answers 503 problem+json with Retry-After within the 20 s client timeout (pool wait 3 s + "
                + "validation 5 s + read timeout 2 s at most)").allSatisfy(ChaosIT::assertCleanUnavailable);
        assertThat(retried).allSatisfy(outcome -> assertThat(outcome.status()).as(outcome.body()).isEqualTo(201));
        assertBookedExactlyOncePerKey(cabins, slow, retried);
    }

    /** Scenario e: every answer from Redis arrives 5 s late; the API's Redis calls time out at 500 ms and fall back. */
    @Test
    void a_slow_redis_does_not_stall_the_api() {
        String access = people.loggedInGuest("chaos");

        redis.delayAnswers(Duration.ofSeconds(5));
        Instant delayedAt = Instant.now();
        List<Outcome> outcomes = new ArrayList<>();
        // Past the 5 s pause after which the revocation list and the rate limiter try Redis again.
        while (seconds(delayedAt, Instant.now()) < 8) {
            outcomes.add(call(availability(stays), Duration.ofSeconds(3)));
            outcomes.add(call(get("/api/v1/users/me", access), Duration.ofSeconds(3)));
        }
        redis.delayAnswers(Duration.ZERO);
        double[] durations = outcomes.stream().mapToDouble(Outcome::seconds).sorted().toArray();
        System.out.printf("CHAOS slow-redis: %d requests over 8 s with 5 s added per Redis round trip: %s, median %.3f s, slowest %.2f s "
                        + "(none waited for Redis)%n",
                outcomes.size(), byStatus(outcomes), durations[durations.length / 2], durations[durations.length - 1]);

        assertThat(outcomes).as("every request answered within 3 s, less than one Redis round trip: none waited behind Redis")
                .allSatisfy(outcome -> assertThat(outcome.status()).as(outcome.body()).isEqualTo(200));
        assertThat(http.get("/api/v1/users/me", access).status()).isEqualTo(200);
    }

    // --- the load of scenario a ---

    /**
     * Searches from several threads, each outcome recorded; the first thread books instead whenever 250 ms have
     * passed since its last booking (two per guest at most), so that a booking is always in flight during an outage
     * longer than the pool's 3 s wait.
     */
    private final class Load {

        private final RoomTypeId roomType;
        private final List<String> guests;
        private final Collection<Outcome> outcomes = new ConcurrentLinkedQueue<>();
        private final AtomicBoolean stopped = new AtomicBoolean();
        private final AtomicInteger bookings = new AtomicInteger();
        private final AtomicLong nextBookingAt = new AtomicLong(System.nanoTime());
        private ExecutorService threads;

        Load(RoomTypeId roomType, List<String> guests) {
            this.roomType = roomType;
            this.guests = guests;
        }

        void start(int concurrency) {
            threads = Executors.newFixedThreadPool(concurrency);
            for (int i = 0; i < concurrency; i++) {
                boolean books = i == 0;
                threads.submit(() -> {
                    while (!stopped.get()) {
                        outcomes.add(next(books));
                    }
                });
            }
        }

        private Outcome next(boolean books) {
            long now = System.nanoTime();
            long due = nextBookingAt.get();
            if (books && now - due >= 0 && nextBookingAt.compareAndSet(due, now + TimeUnit.MILLISECONDS.toNanos(250))
                    && bookings.get() < guests.size() * 2) {
                int number = bookings.getAndIncrement();
                String guest = guests.get(number % guests.size());
                String key = UUID.randomUUID().toString();
                return call(bookingRequest(guest, key, roomType, stays.plusDays(2L * number)), Duration.ofSeconds(20))
                        .asBooking(guest, key, stays.plusDays(2L * number));
            }
            return call(availability(stays.plusDays(ThreadLocalRandom.current().nextInt(200))), Duration.ofSeconds(20));
        }

        long count(Predicate<Outcome> which) {
            return outcomes.stream().filter(which).count();
        }

        List<Outcome> stop() throws InterruptedException {
            stopped.set(true);
            threads.shutdown();
            assertThat(threads.awaitTermination(30, TimeUnit.SECONDS)).isTrue();
            return List.copyOf(outcomes);
        }
    }

    private List<Outcome> retryFailedBookings(List<Outcome> outcomes) {
        return outcomes.stream().filter(outcome -> outcome.kind().equals("booking") && !outcome.succeeded())
                .map(failed -> call(bookingRequest(failed.bearer(), failed.key(), null, failed.checkIn()), Duration.ofSeconds(10))
                        .asBooking(failed.bearer(), failed.key(), failed.checkIn()))
                .toList();
    }

    /**
     * Every booking the API confirmed (201) is in PostgreSQL with its audit entry and idempotency key, and
     * the room type holds no other booking: nothing was half-written or written without the client
     * being able to learn of it by retrying its key.
     */
    private void assertBookedExactlyOncePerKey(RoomTypeId roomType, List<Outcome> first, List<Outcome> retried) {
        List<Outcome> confirmed = new ArrayList<>(first.stream().filter(Outcome::booked).toList());
        confirmed.addAll(retried.stream().filter(Outcome::booked).toList());
        List<String> ids = confirmed.stream().map(outcome -> HttpProbe.parse(outcome.body()).path("id").asString()).distinct().toList();
        assertThat(ids).as("one booking per key").hasSize(confirmed.size());
        List<String> stored = jdbc.sql("SELECT id::text FROM bookings WHERE room_type_id = :type").param("type", roomType.value())
                .query(String.class).list();
        assertThat(stored).as("the room type holds exactly the confirmed bookings").containsExactlyInAnyOrderElementsOf(ids);
        for (String id : ids) {
            assertThat(jdbc.sql("SELECT count(*) FROM audit_log WHERE entity_type = 'booking' AND entity_id = :id AND action = 'BOOKING_HELD'")
                    .param("id", id).query(Long.class).single()).as("audited with the booking").isEqualTo(1);
            assertThat(jdbc.sql("SELECT count(*) FROM idempotency_keys WHERE resource_id = CAST(:id AS uuid)").param("id", id)
                    .query(Long.class).single()).as("its key recorded with it").isEqualTo(1);
        }
    }

    private static void assertCleanUnavailable(Outcome outcome) {
        assertThat(outcome.status()).as("%s %s", outcome.kind(), outcome.body()).isEqualTo(503);
        assertThat(outcome.contentType()).startsWith("application/problem+json");
        assertThat(HttpProbe.parse(outcome.body()).path("status").asInt()).isEqualTo(503);
        assertThat(outcome.retryAfter()).isNotBlank();
    }

    // --- HTTP ---

    /** One request's fate: status -1 when no answer came before the client's timeout (a hang) or the connection failed. */
    record Outcome(String kind, Instant start, Instant end, int status, String contentType, String retryAfter, String body, String bearer,
            String key, LocalDate checkIn) {

        boolean succeeded() {
            return status == 200 || status == 201;
        }

        boolean booked() {
            return kind.equals("booking") && status == 201;
        }

        double seconds() {
            return ChaosIT.seconds(start, end);
        }

        Outcome asBooking(String bearer, String key, LocalDate checkIn) {
            return new Outcome("booking", start, end, status, contentType, retryAfter, body, bearer, key, checkIn);
        }
    }

    private Outcome call(HttpRequest.Builder request) {
        return call(request, Duration.ofSeconds(10));
    }

    private Outcome call(HttpRequest.Builder request, Duration timeout) {
        Instant start = Instant.now();
        try {
            HttpResponse<String> response = client.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
            return new Outcome("request", start, Instant.now(), response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.headers().firstValue("Retry-After").orElse(null), response.body(), null, null, null);
        } catch (IOException e) {
            return new Outcome("request", start, Instant.now(), -1, "", null, e.toString(), null, null, null);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder availability(LocalDate from) {
        return http.request("/api/v1/availability?checkIn=" + from + "&checkOut=" + from.plusDays(1) + "&guests=1").GET();
    }

    private HttpRequest.Builder get(String path, String bearer) {
        return http.request(path).header("Authorization", "Bearer " + bearer).GET();
    }

    private HttpRequest.Builder post(String path, String body, String bearer) {
        HttpRequest.Builder request = http.request(path).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        return bearer == null ? request : request.header("Authorization", "Bearer " + bearer);
    }

    /** A one-night booking; {@code roomType} null for a retry, whose body must match the first attempt's (same key, same body). */
    private HttpRequest.Builder bookingRequest(String guest, String key, RoomTypeId roomType, LocalDate checkIn) {
        String type = roomType != null ? roomType.toString() : keyedRoomTypes.get(key);
        keyedRoomTypes.put(key, type);
        return post("/api/v1/bookings", json(bookingOf(type, checkIn, checkIn.plusDays(1))), guest).header("Idempotency-Key", key);
    }

    private static Map<String, Object> bookingOf(String roomTypeId, LocalDate from, LocalDate to) {
        return Map.of("roomTypeId", roomTypeId, "checkIn", from.toString(), "checkOut", to.toString(), "guests", 1);
    }

    private RoomTypeId cabinsWithRooms(int rooms) {
        RoomType cabin = new RoomType(RoomTypeId.random(), SeedDemoDataService.WEST_BETHEL, "Chaos Cabin " + UUID.randomUUID(), "", 2,
                Money.of("150.00", "USD"), List.of());
        inventory.addRoomType(cabin);
        for (int i = 0; i < rooms; i++) {
            inventory.addRoom(RoomId.random(), SeedDemoDataService.WEST_BETHEL, cabin.id(), "C" + ThreadLocalRandom.current().nextInt(10_000_000), 9);
        }
        return cabin.id();
    }

    private String roomTypeId(String name) {
        for (var type : http.get("/api/v1/room-types").json()) {
            if (name.equals(type.path("name").asString())) {
                return type.path("id").asString();
            }
        }
        throw new AssertionError("no room type " + name);
    }

    /** True once the revocation list's Redis copy was marked complete after {@code instant} (read from Redis itself, not through the proxy). */
    private static synchronized boolean revocationCopyReloadedAfter(Instant instant) {
        if (directRedis == null) {
            directRedis = RedisClient.create(RedisURI.create("127.0.0.1", 6379));
        }
        try (StatefulRedisConnection<String, String> connection = directRedis.connect()) {
            String marker = connection.sync().get("motel:revocations:complete");
            return marker != null && Instant.parse(marker).isAfter(instant);
        }
    }

    private static Map<Integer, Long> byStatus(List<Outcome> outcomes) {
        return outcomes.stream().collect(Collectors.groupingBy(Outcome::status, TreeMap::new, Collectors.counting()));
    }

    static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }
}
