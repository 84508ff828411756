package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The packaged jar, started as an operator starts it: proves that what ships has every library it
 * needs (a test class path can hide a missing one), then stops it gracefully.
 */
class PackagedApiIT {

    private static final Path JAR = Path.of(System.getProperty("motel.api.jar", "target/missing.jar"));
    private static final String PASSWORD = "lantern orchard velvet kayak";
    private static final String TEST_DATABASE = System.getenv().getOrDefault("MOTEL_TEST_DATABASE_URL",
            "jdbc:postgresql://127.0.0.1:5432/motel_test");

    private Process api;
    private Path output;
    private HttpProbe http;

    @BeforeEach
    void start() throws IOException {
        int port = freePort();
        int managementPort = freePort();
        output = Files.createTempFile("motel-api", ".log");
        ProcessBuilder builder = new ProcessBuilder(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                JAR.toString(), "--server.port=" + port, "--management.server.port=" + managementPort, "--motel.demo-data.enabled=true", "--motel.security.bcrypt-strength=4",
                "--motel.rate-limit.enabled=false"))
                .redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().put("SPRING_DATASOURCE_URL", TEST_DATABASE);
        api = builder.start();
        http = new HttpProbe(port);
        HttpProbe management = HttpProbe.withoutContract(managementPort);
        await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500)).until(() -> {
            if (!api.isAlive()) {
                throw new AssertionError("the API exited:\n" + Files.readString(output));
            }
            try {
                return management.get("/actuator/health/readiness").status() == 200;
            } catch (IllegalStateException notYet) {
                return false;
            }
        });
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @AfterEach
    void stop() throws Exception {
        api.destroy();
        if (!api.waitFor(30, TimeUnit.SECONDS)) {
            api.destroyForcibly();
        }
        assertThat(Files.readString(output)).contains("Graceful shutdown complete");
    }

    @Test
    void the_shipped_jar_registers_enrols_mfa_books_and_pays() {
        String email = "packaged-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        assertThat(http.post("/api/v1/auth/register", json(Map.of("email", email, "password", PASSWORD, "firstName", "Siv", "lastName", "Aas")))
                .status()).isEqualTo(202);
        String token = JdbcClient.create(new DriverManagerDataSource(TEST_DATABASE, "motel", "motel"))
                .sql("SELECT model ->> 'token' FROM email_queue WHERE recipient = :email AND template = 'email-verification'")
                .param("email", email).query(String.class).single();
        assertThat(http.post("/api/v1/auth/verify-email", json(Map.of("token", token))).status()).isEqualTo(200);
        String access = http.post("/api/v1/auth/login", json(Map.of("email", email, "password", PASSWORD))).json().path("accessToken").asString();

        var setup = http.post("/api/v1/auth/mfa/setup", json(Map.of("password", PASSWORD)), access);
        assertThat(setup.status()).as(setup.body()).isEqualTo(200);
        assertThat(setup.json().path("qrCodePng").asString()).isNotBlank();

        LocalDate checkIn = LocalDate.now(ZoneId.of("America/New_York")).plusDays(400 + ThreadLocalRandom.current().nextInt(2000));
        String queen = http.get("/api/v1/room-types").json().findValues("id").get(0).asString();
        var booked = http.post("/api/v1/bookings", json(Map.of("roomTypeId", queen, "checkIn", checkIn.toString(),
                "checkOut", checkIn.plusDays(2).toString(), "guests", 1)), access);
        assertThat(booked.status()).as(booked.body()).isEqualTo(201);
        var paid = http.post("/api/v1/bookings/" + booked.json().path("id").asString() + "/payments", json(Map.of("paymentToken", "tok_visa")), access);
        assertThat(paid.status()).as(paid.body()).isEqualTo(201);
        assertThat(http.get("/v3/api-docs").json().path("paths").has("/api/v1/bookings")).isTrue();
    }
}
