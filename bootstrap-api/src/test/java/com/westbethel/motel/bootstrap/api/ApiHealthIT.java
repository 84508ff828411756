package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.Socket;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;

@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ApiHealthIT extends AbstractApiIT {

    @LocalManagementPort
    int managementPort;

    HttpProbe management;

    @BeforeEach
    void connectToManagement() {
        management = HttpProbe.withoutContract(managementPort); // actuator is not part of the API document
    }

    @Test
    void health_is_up_with_the_database_and_redis_components() {
        Reply health = management.get("/actuator/health");

        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().path("status").asString()).isEqualTo("UP");
        assertThat(health.json().path("components").path("db").path("status").asString()).isEqualTo("UP");
        assertThat(health.json().path("components").path("redis").path("status").asString()).isEqualTo("UP");
    }

    @Test
    void liveness_and_readiness_probes_answer_for_the_load_balancer() {
        assertThat(management.get("/actuator/health/liveness").json().path("status").asString()).isEqualTo("UP");

        Reply readiness = management.get("/actuator/health/readiness");
        assertThat(readiness.status()).isEqualTo(200);
        assertThat(readiness.json().path("components").has("db")).isTrue();
        assertThat(readiness.json().path("components").has("redis")).isFalse();
    }

    // Finding 4
    @Test
    void the_public_port_has_no_actuator_whoever_asks() {
        String admin = guests.adminAccessToken();

        for (String path : List.of("/actuator", "/actuator/health", "/actuator/health/readiness", "/actuator/prometheus", "/actuator/env")) {
            Reply anonymous = http.get(path);
            Reply asAdmin = http.get(path, admin);

            assertThat(anonymous.status()).as(path).isEqualTo(404);
            assertThat(anonymous.contentType()).as(path).startsWith("application/problem+json");
            assertThat(asAdmin.status()).as(path).isEqualTo(404);
            assertThat(anonymous.body()).doesNotContain("UP", "hikaricp");
        }
    }

    // Finding 4
    @Test
    void the_management_port_serves_only_actuator_and_listens_on_127_0_0_1_alone() throws IOException {
        assertThat(managementPort).isNotEqualTo(port);
        assertThat(management.get("/actuator/health/liveness").status()).isEqualTo(200);
        assertThat(management.get("/api/v1/room-types").status()).isEqualTo(404);

        // The public port listens on every address; the management port on 127.0.0.1 only, so even ::1 is refused.
        try (Socket publicPort = new Socket(InetAddress.getByName("::1"), port)) {
            assertThat(publicPort.isConnected()).isTrue();
        }
        assertThatThrownBy(() -> new Socket(InetAddress.getByName("::1"), managementPort).close()).isInstanceOf(ConnectException.class);
    }

    @Test
    void an_unknown_path_asked_anonymously_is_a_401_problem_revealing_nothing() {
        Reply reply = http.get("/api/v1/no-such-thing");

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.contentType()).startsWith("application/problem+json");
    }

    @Test
    void the_openapi_document_describes_every_endpoint_with_schemas_and_examples() {
        Reply docs = http.get("/v3/api-docs");

        assertThat(docs.status()).isEqualTo(200);
        var paths = docs.json().path("paths");
        assertThat(paths.has("/api/v1/bookings")).isTrue();
        assertThat(paths.has("/api/v1/bookings/{id}/payments")).isTrue();
        assertThat(paths.has("/api/v1/auth/login")).isTrue();
        assertThat(paths.has("/api/v1/admin/room-types")).isTrue();
        assertThat(paths.size()).isGreaterThanOrEqualTo(35);
        var bookRequest = docs.json().path("components").path("schemas").path("BookRequest");
        assertThat(bookRequest.path("required").toString()).contains("roomTypeId", "checkIn", "checkOut", "guests");
        assertThat(bookRequest.path("properties").path("checkIn").path("example").asString()).isEqualTo("2027-07-01");
        assertThat(docs.json().path("components").path("securitySchemes").has("bearer")).isTrue();
        assertThat(http.get("/swagger-ui/index.html").status()).isEqualTo(200);
    }

    @Test
    void prometheus_scrapes_http_and_connection_pool_metrics() {
        http.get("/api/v1/room-types");

        Reply scrape = management.get("/actuator/prometheus");

        assertThat(scrape.status()).isEqualTo(200);
        assertThat(scrape.body())
                .contains("http_server_requests_seconds_count")
                .contains("hikaricp_connections_active{application=\"motel-api\",pool=\"motel-api\"}");
    }

    @Test
    void an_unknown_path_is_a_404_problem_not_an_html_page() {
        String admin = guests.adminAccessToken();

        Reply reply = http.get("/api/v1/no-such-thing", admin);

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("title").asString()).isEqualTo("Not Found");
        assertThat(reply.json().path("status").asInt()).isEqualTo(404);
        assertThat(reply.body()).doesNotContain("Exception", "\tat ");
    }
}
