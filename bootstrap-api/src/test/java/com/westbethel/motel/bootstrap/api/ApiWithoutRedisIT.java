package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Redis stopped: pointed at a port where nothing listens, the API sees exactly what a stopped
 * server looks like (connection refused) without disturbing the Redis other tests use.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class ApiWithoutRedisIT {

    @LocalServerPort
    int port;

    @LocalManagementPort
    int managementPort;

    @DynamicPropertySource
    static void redisIsDown(DynamicPropertyRegistry properties) throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        properties.add("spring.data.redis.port", () -> closedPort);
        properties.add("motel.rate-limit.per-address.verification", () -> "2/1m");
    }

    @Test
    void rate_limits_still_hold_in_this_process_while_redis_is_down() {
        HttpProbe http = new HttpProbe(port);
        String body = HttpProbe.json(Map.of("token", "no-such-token"));

        assertThat(http.post("/api/v1/auth/verify-email", body).status()).isEqualTo(400);
        assertThat(http.post("/api/v1/auth/verify-email", body).status()).isEqualTo(400);
        Reply refused = http.post("/api/v1/auth/verify-email", body);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotBlank();
    }

    @Test
    void health_reports_redis_down_while_the_database_is_up() {
        Reply health = HttpProbe.withoutContract(managementPort).get("/actuator/health");

        assertThat(health.json().path("components").path("redis").path("status").asString()).isEqualTo("DOWN");
        assertThat(health.json().path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.status()).as("DOWN answers 503, so monitoring notices").isEqualTo(503);
    }

    @Test
    void the_instance_stays_ready_so_the_load_balancer_keeps_sending_traffic() {
        Reply readiness = HttpProbe.withoutContract(managementPort).get("/actuator/health/readiness");

        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("status").asString()).isEqualTo("UP");
    }

    @Test
    void logins_work_and_revocation_still_holds_through_postgresql() {
        HttpProbe http = new HttpProbe(port);
        Reply login = http.post("/api/v1/auth/login",
                HttpProbe.json(Map.of("email", Guests.ADMIN, "password", Guests.ADMIN_PASSWORD)));
        assertThat(login.status()).isEqualTo(200);
        String access = login.json().path("accessToken").asString();
        assertThat(http.get("/api/v1/users/me", access).status()).isEqualTo(200);

        assertThat(http.post("/api/v1/auth/logout", "{}", access).status()).isEqualTo(204);

        assertThat(http.get("/api/v1/users/me", access).status()).isEqualTo(401);
    }

    @Test
    void availability_is_answered_from_this_processs_memory_and_a_booking_here_is_seen_on_the_next_read() {
        HttpProbe http = new HttpProbe(port);
        LocalDate checkIn = LocalDate.now(ZoneId.of("America/New_York")).plusDays(30 + ThreadLocalRandom.current().nextInt(300));
        String search = "/api/v1/availability?checkIn=" + checkIn + "&checkOut=" + checkIn.plusDays(2) + "&guests=1";
        Reply first = http.get(search);
        assertThat(first.status()).isEqualTo(200);
        JsonNode queen = AbstractApiIT.named(first.json().path("roomTypes"), "Queen Room");
        assertThat(AbstractApiIT.named(http.get(search).json().path("roomTypes"), "Queen Room")).isEqualTo(queen);

        Reply booked = http.post("/api/v1/bookings", HttpProbe.json(Map.of("roomTypeId", queen.path("roomTypeId").asString(), "checkIn",
                checkIn.toString(), "checkOut", checkIn.plusDays(2).toString(), "guests", 1,
                "guest", Map.of("firstName", "Mia", "lastName", "Holm", "email", Guests.uniqueEmail("no-redis")))));
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);

        assertThat(AbstractApiIT.named(http.get(search).json().path("roomTypes"), "Queen Room").path("availableRooms").asInt())
                .isEqualTo(queen.path("availableRooms").asInt() - 1);
    }

    @Test
    void the_api_keeps_answering_requests() {
        Reply reply = new HttpProbe(port).post("/api/v1/auth/forgot-password", HttpProbe.json(Map.of("email", "guest@example.com")));

        assertThat(reply.status()).isEqualTo(202);
    }
}
