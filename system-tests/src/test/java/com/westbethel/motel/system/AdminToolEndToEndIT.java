package com.westbethel.motel.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

/**
 * The packaged motel-admin against the packaged API: a token revoked from the shell is refused by the
 * running API within a second, whether the API reaches Redis or has to fall back on PostgreSQL.
 */
class AdminToolEndToEndIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String PASSWORD = "lantern orchard velvet kayak";

    @RegisterExtension
    static final ApiOnScratchDatabase motel = new ApiOnScratchDatabase("motel_e2e_admin", "api-for-admin", AdminToolEndToEndIT::apiArguments);

    @Test
    void a_token_revoked_with_motel_admin_is_refused_by_the_running_api_at_once_with_redis_up_or_down() throws Exception {
        String email = "revoked-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        RunningApp api = motel.api();
        String first = verifiedGuestLogsIn(api, email);
        assertThat(me(api, first)).isEqualTo(200);

        Admin revoked = motelAdmin("tokens", "revoke", "--user", email);
        assertThat(revoked.exitCode()).as(revoked.output()).isZero();
        assertThat(revoked.output()).contains("every token and session revoked").contains("database postgresql://127.0.0.1:5432/" + motel.database().name);
        awaitRefusal(api, first, Duration.ofSeconds(1));

        // A second API that cannot reach Redis answers from PostgreSQL.
        try (RunningApp withoutRedis = RunningApp.start("api-without-redis", "motel.api.jar",
                append(apiArguments(motel.database()), "--spring.data.redis.port=" + closedPort()))) {
            String second = logIn(withoutRedis, email);
            assertThat(me(withoutRedis, second)).isEqualTo(200);
            Admin one = motelAdmin("tokens", "revoke", "--jti", claim(second, "jti"));
            assertThat(one.exitCode()).as(one.output()).isZero();
            awaitRefusal(withoutRedis, second, Duration.ofSeconds(1));
        }
    }

    @Test
    void the_packaged_tool_answers_help_and_version_without_any_service_and_fails_in_one_line_without_postgresql() throws Exception {
        Admin version = motelAdmin("--version");
        assertThat(version.exitCode()).isZero();
        assertThat(version.output()).startsWith("motel-admin 0.");

        Admin unreachable = run("jdbc:postgresql://127.0.0.1:" + closedPort() + "/motel", "db", "info");
        assertThat(unreachable.exitCode()).isEqualTo(1);
        assertThat(unreachable.output().strip().lines()).singleElement().asString().startsWith("motel-admin: PostgreSQL is not reachable");
    }

    private static List<String> apiArguments(ScratchDatabase database) {
        return List.of("--spring.datasource.url=" + database.url(), "--motel.rate-limit.enabled=false", "--motel.security.bcrypt-strength=4");
    }

    private static List<String> append(List<String> list, String more) {
        List<String> all = new ArrayList<>(list);
        all.add(more);
        return all;
    }

    private static Admin motelAdmin(String... args) throws Exception {
        return run(motel.database().url(), args);
    }

    /** The packaged jar, as an admin runs it, configured by the environment as the API is. */
    private static Admin run(String databaseUrl, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar",
                System.getProperty("motel.cli.jar")));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("SPRING_DATASOURCE_URL", databaseUrl);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Admin(process.exitValue(), output);
    }

    private static void awaitRefusal(RunningApp app, String token, Duration limit) {
        await().atMost(limit).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(50)).until(() -> me(app, token) == 401);
    }

    private static String verifiedGuestLogsIn(RunningApp app, String email) throws Exception {
        HttpResponse<String> registered = post(app, "/api/v1/auth/register",
                Map.of("email", email, "password", PASSWORD, "firstName", "Olav", "lastName", "Berg"));
        assertThat(registered.statusCode()).as(registered.body()).isEqualTo(202);
        String token;
        try (Connection db = motel.database().connect();
                PreparedStatement query = db.prepareStatement(
                        "SELECT model ->> 'token' FROM email_queue WHERE recipient = ? AND template = 'email-verification'")) {
            query.setString(1, email);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                token = row.getString(1);
            }
        }
        assertThat(post(app, "/api/v1/auth/verify-email", Map.of("token", token)).statusCode()).isBetween(200, 299);
        return logIn(app, email);
    }

    private static String logIn(RunningApp app, String email) throws Exception {
        HttpResponse<String> response = post(app, "/api/v1/auth/login", Map.of("email", email, "password", PASSWORD));
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body()).path("accessToken").asString();
    }

    private static int me(RunningApp app, String token) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port + "/api/v1/users/me"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private static HttpResponse<String> post(RunningApp app, String path, Object body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port + path)).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static String claim(String jwt, String name) {
        String payload = new String(Base64.getUrlDecoder().decode(jwt.split("\\.")[1]), StandardCharsets.UTF_8);
        return JSON.readTree(payload).path(name).asString();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private record Admin(int exitCode, String output) {
    }
}
