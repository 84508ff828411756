package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.github.benmanes.caffeine.cache.Cache;
import com.westbethel.motel.adapters.persistence.cache.CacheCoordinator;
import com.westbethel.motel.adapters.persistence.cache.CacheInvalidation;
import com.westbethel.motel.adapters.persistence.cache.TwoLevelCacheManager;
import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.availability.AvailabilityChangeEvent;
import org.springframework.boot.availability.ReadinessState;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.redis.core.StringRedisTemplate;
import tools.jackson.databind.JsonNode;

/**
 * Two API replicas on one database and one Redis, as behind a load balancer: each caches availability in its own memory,
 * and a booking or a cancellation made through one is seen by the other on its very next read. Both run here, each its
 * own application context, under a key prefix of this test's own in the shared Redis. The second one does not listen to
 * the invalidation channel at all: its next read must be right by the versions it checks in Redis, whenever (or whether)
 * a message would have arrived. The third listens, and answers from its memory alone: its next read must be right
 * because the change's answer waited until it had dropped the entries.
 */
class CacheCoherenceIT {

    private static final String PREFIX = "test-api-cache-" + UUID.randomUUID();
    private static final AtomicLong availabilityEntriesWhenReady = new AtomicLong(-1);
    private static ConfigurableApplicationContext first;
    private static ConfigurableApplicationContext second;
    private static ConfigurableApplicationContext third;

    @BeforeAll
    static void twoReplicas() {
        first = replica(false);
        second = replica(true);
        second.getBean(CacheCoordinator.class).close();
        third = replica(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> third.getBean(CacheInvalidation.class).listening());
    }

    private static ConfigurableApplicationContext replica(boolean watchReadiness) {
        SpringApplicationBuilder builder = new SpringApplicationBuilder(MotelApiApplication.class).profiles("test");
        if (watchReadiness) {
            builder.listeners((ApplicationListener<AvailabilityChangeEvent<?>>) event -> {
                if (event.getState() == ReadinessState.ACCEPTING_TRAFFIC) {
                    TwoLevelCacheManager caches = ((ConfigurableApplicationContext) event.getSource()).getBean(TwoLevelCacheManager.class);
                    availabilityEntriesWhenReady.set(((Cache<?, ?>) caches.getCache("availability").getNativeCache()).estimatedSize());
                }
            });
        }
        return builder.run("--server.port=0", "--management.server.port=0", "--motel.cache.key-prefix=" + PREFIX);
    }

    @AfterAll
    static void stopThem() {
        StringRedisTemplate redis = first.getBean(StringRedisTemplate.class);
        Set<String> keys = redis.keys(PREFIX + ":*");
        if (keys != null && !keys.isEmpty()) {
            redis.delete(keys);
        }
        third.close();
        second.close();
        first.close();
    }

    @Test
    void a_booking_through_one_replica_is_seen_by_the_next_read_of_one_checking_versions_and_so_is_its_cancellation() {
        seenOnTheNextRead(new HttpProbe(port(second)));
    }

    @Test
    void a_booking_through_one_replica_is_seen_by_the_next_read_of_one_answering_from_memory_and_so_is_its_cancellation() {
        assertThat(third.getBean(CacheInvalidation.class).listening()).as("the third replica hears the channel").isTrue();
        seenOnTheNextRead(new HttpProbe(port(third)));
    }

    private void seenOnTheNextRead(HttpProbe other) {
        HttpProbe one = new HttpProbe(port(first));
        LocalDate checkIn = LocalDate.now(ZoneId.of("America/New_York")).plusDays(30 + ThreadLocalRandom.current().nextInt(60));
        String stay = "checkIn=" + checkIn + "&checkOut=" + checkIn.plusDays(3) + "&guests=1";
        int before = queenRooms(other.get("/api/v1/availability?" + stay));
        assertThat(queenRooms(other.get("/api/v1/availability?" + stay))).as("read again, from its memory").isEqualTo(before);
        assertThat(before).isPositive();

        Reply booked = one.post("/api/v1/bookings", HttpProbe.json(Map.of("roomTypeId", queenRoomType(one), "checkIn", checkIn.toString(),
                "checkOut", checkIn.plusDays(3).toString(), "guests", 1,
                "guest", Map.of("firstName", "Mia", "lastName", "Holm", "email", Guests.uniqueEmail("coherence")))));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);

        assertThat(queenRooms(other.get("/api/v1/availability?" + stay))).as("the other replica's very next read").isEqualTo(before - 1);

        Reply cancelled = one.send(one.request("/api/v1/bookings/" + booked.json().path("id").asString() + "/cancel")
                .header("Content-Type", "application/json").header("Booking-Token", booked.json().path("manageToken").asString())
                .POST(HttpRequest.BodyPublishers.ofString("{}")));
        assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(200);

        assertThat(queenRooms(other.get("/api/v1/availability?" + stay))).as("freed on the next read").isEqualTo(before);
    }

    @Test
    void a_replica_warms_its_memory_before_it_reports_ready() {
        assertThat(availabilityEntriesWhenReady.get()).as("nights of availability in memory when readiness turned UP").isGreaterThanOrEqualTo(90);
        Reply readiness = HttpProbe.withoutContract(managementPort(second)).get("/actuator/health/readiness");
        assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void hits_and_misses_of_each_cache_are_on_the_management_port() {
        HttpProbe api = new HttpProbe(port(first));
        LocalDate far = LocalDate.now(ZoneId.of("America/New_York")).plusDays(200 + ThreadLocalRandom.current().nextInt(100));
        api.get("/api/v1/availability?checkIn=" + far + "&checkOut=" + far.plusDays(2) + "&guests=1");
        api.get("/api/v1/availability?checkIn=" + far + "&checkOut=" + far.plusDays(2) + "&guests=1");

        String metrics = HttpProbe.withoutContract(managementPort(first)).get("/actuator/prometheus").body();

        assertThat(metrics.lines().filter(line -> line.startsWith("cache_gets_total{") && line.contains("cache=\"availability\"")))
                .anySatisfy(line -> assertThat(line).contains("result=\"hit\""))
                .anySatisfy(line -> assertThat(line).contains("result=\"miss\""));
        assertThat(metrics).contains("cache_puts_total{").contains("cache_evictions_total{").contains("cache_size{");
        assertThat(metrics.lines().filter(line -> line.startsWith("cache_gets_total{")).map(line -> line.replaceAll(".*cache=\"([^\"]+)\".*", "$1")))
                .contains("availability", "room-types", "rate-plans", "promotions", "properties");
    }

    private static int queenRooms(Reply availability) {
        assertThat(availability.status()).as(availability.body()).isEqualTo(200);
        return AbstractApiIT.named(availability.json().path("roomTypes"), "Queen Room").path("availableRooms").asInt();
    }

    private static String queenRoomType(HttpProbe http) {
        JsonNode types = http.get("/api/v1/room-types").json();
        return AbstractApiIT.named(types, "Queen Room").path("id").asString();
    }

    private static int port(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port"));
    }

    private static int managementPort(ConfigurableApplicationContext context) {
        return Integer.parseInt(context.getEnvironment().getProperty("local.management.port"));
    }
}
