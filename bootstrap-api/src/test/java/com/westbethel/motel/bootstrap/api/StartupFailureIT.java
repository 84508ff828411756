package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Starts the packaged API the way an operator does and reads what it prints when it cannot start. */
class StartupFailureIT {

    private static final Path JAR = Path.of(System.getProperty("motel.api.jar", "target/missing.jar"));

    @Test
    void with_postgresql_unreachable_it_exits_non_zero_naming_the_address_and_how_to_start_it() throws Exception {
        int closedPort = closedPort();

        Run run = start(Map.of("SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + closedPort + "/motel"));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output())
                .contains("PostgreSQL is not reachable at 127.0.0.1:" + closedPort + "/motel: Connection refused.")
                .contains("Start it with scripts/services.sh")
                .doesNotContain("\tat ");
    }

    @Test
    void in_production_a_missing_database_password_stops_the_start_with_the_variable_to_set() throws Exception {
        Run run = start(Map.of("SPRING_PROFILES_ACTIVE", "prod"));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output())
                .contains("Missing required secret 'spring.datasource.password'.")
                .contains("Set the environment variable SPRING_DATASOURCE_PASSWORD")
                .doesNotContain("\tat ");
    }

    // Finding 10 of issue 10: production never chains the audit log with the public development key.
    @Test
    void in_production_a_missing_audit_key_stops_the_start_with_the_variable_to_set() throws Exception {
        String key = "F3GMfZl3xX94riwmLbFFgJfzvcLV/5EDCmPTqSKOZ34=";
        Run run = start(Map.of("SPRING_PROFILES_ACTIVE", "prod", "SPRING_DATASOURCE_PASSWORD", "motel", "MOTEL_SECURITY_JWT_SIGNINGKEY", key,
                "MOTEL_SECURITY_MFAENCRYPTIONKEY", key, "MOTEL_NOTIFICATIONS_UNSUBSCRIBEKEY", key, "MOTEL_BOOKING_MANAGELINKKEY", key));

        assertThat(run.exitCode()).isNotZero();
        assertThat(run.output())
                .contains("Missing required secret 'motel.audit.hmac-key'.")
                .contains("Set the environment variable MOTEL_AUDIT_HMACKEY")
                .doesNotContain("\tat ");
    }

    @Test
    void one_property_turns_the_logs_into_json_lines() throws Exception {
        Run run = start(Map.of(
                "SPRING_DATASOURCE_URL", "jdbc:postgresql://127.0.0.1:" + closedPort() + "/motel",
                "LOGGING_STRUCTURED_FORMAT_CONSOLE", "ecs"));

        List<String> lines = run.output().lines().filter(line -> !line.isBlank()).toList();
        assertThat(lines).isNotEmpty();
        JsonMapper json = JsonMapper.builder().build();
        assertThat(lines).allSatisfy(line -> assertThat(json.readTree(line).path("message").isMissingNode()).isFalse());
        assertThat(run.output()).contains("PostgreSQL is not reachable");
    }

    private static Run start(Map<String, String> environment) throws IOException, InterruptedException {
        assertThat(JAR).as("the packaged API (run the tests with mvn verify)").exists();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", JAR.toString(), "--server.port=0"));
        Path output = Files.createTempFile("motel-api-start", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        builder.environment().putAll(environment);
        Process process = builder.start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("the API neither started nor failed within 60 s:\n" + Files.readString(output));
        }
        return new Run(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Run(int exitCode, String output) {
    }
}
