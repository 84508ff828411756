package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.io.IOException;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

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
    void the_api_keeps_answering_requests() {
        Reply reply = new HttpProbe(port).post("/api/v1/auth/forgot-password", HttpProbe.json(Map.of("email", "guest@example.com")));

        assertThat(reply.status()).isEqualTo(202);
    }
}
