package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.context.SpringBootTest;
import tools.jackson.databind.JsonNode;

/**
 * The probe findings of issue 10: hostile input at the edge is a clean 4xx problem+json, never a 500, an HTML page from
 * the servlet container or Boot's {@code {timestamp, status, error, path}}; and never a server name or a stack trace.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class EdgeErrorsIT extends AbstractApiIT {

    private static final String ADMIN_LOGIN = json("email", Guests.ADMIN, "password", Guests.ADMIN_PASSWORD);

    RawHttp raw;

    @BeforeEach
    void openRawConnection() throws IOException {
        raw = RawHttp.loopback(port);
    }

    // Probe finding b: refused by Tomcat before the application sees the request.
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/room-types%00", "/api/v1/rooms%2Fx", "/api/v1/%5c", "/api/v1/room-types%"})
    void what_tomcat_refuses_in_the_path_is_a_400_problem_without_the_server_name(String target) throws IOException {
        assertProblem(raw.get(target), 400);
    }

    // Probe finding b
    @Test
    void an_over_long_request_line_or_header_is_a_400_problem() throws IOException {
        String longValue = "a".repeat(20_000);

        assertProblem(raw.get("/api/v1/room-types?x=" + longValue), 400);
        assertProblem(raw.get("/api/v1/room-types", "X-Filler: " + longValue), 400);
    }

    // Probe finding b: refused by Spring Security's StrictHttpFirewall.
    @ParameterizedTest
    @ValueSource(strings = {"/api/v1/room-types;jsessionid=1", "/api/v1/%25", "/api//room-types", "/api/v1/../v1/room-types",
            "/api/v1/%2e%2e/room-types", "/api/v1/room-types/%3B"})
    void what_the_firewall_refuses_is_a_400_problem_not_boots_default_body(String target) throws IOException {
        RawHttp.Response response = raw.get(target);

        assertProblem(response, 400);
        assertThat(response.body()).doesNotContain("timestamp");
    }

    // Probe finding b
    @Test
    void the_error_path_asked_directly_is_a_404_problem() throws IOException {
        assertProblem(raw.get("/error"), 404);
        assertProblem(raw.send("POST", "/error", "application/json", "{}".getBytes(StandardCharsets.UTF_8)), 404);
    }

    // Probe finding a
    @Test
    void a_multipart_body_sent_to_a_json_endpoint_is_a_415_problem() throws IOException {
        byte[] form = "--zz\r\nContent-Disposition: form-data; name=\"email\"\r\n\r\na@example.com\r\n--zz--\r\n".getBytes(StandardCharsets.UTF_8);

        assertProblem(raw.send("POST", "/api/v1/auth/login", "multipart/form-data; boundary=zz", form), 415);
        // Without a boundary the body cannot even be parsed: this one was the 500.
        assertProblem(raw.send("POST", "/api/v1/auth/register", "multipart/form-data", "xx".getBytes(StandardCharsets.UTF_8)), 415);
        assertThat(raw.send("GET", "/api/v1/room-types", "multipart/form-data", null).status()).isEqualTo(200);
    }

    // Probe finding a
    @Test
    void a_parameter_named_by_a_space_is_never_a_server_error() throws IOException {
        assertThat(raw.get("/api/v1/room-types?%20=1").status()).isEqualTo(200);
        assertProblem(raw.get("/api/v1/availability?%20=1"), 400);
        assertProblem(raw.send("POST", "/api/v1/auth/login?%20=1", "application/json", ADMIN_LOGIN.getBytes(StandardCharsets.UTF_8)), 200);
        assertProblem(raw.send("POST", "/api/v1/auth/login", "application/x-www-form-urlencoded", "%20=1".getBytes(StandardCharsets.UTF_8)), 415);
    }

    // Probe finding c: in a JSON body, the field is named the way validation names it.
    @Test
    void a_nul_character_in_a_json_string_is_a_400_naming_the_field() {
        Reply reply = http.post("/api/v1/auth/register",
                "{\"email\":\"nul@example.com\",\"password\":\"lantern orchard velvet kayak\",\"firstName\":\"An\\u0000na\",\"lastName\":\"Berg\"}");

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.contentType()).startsWith("application/problem+json");
        assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("firstName");
        assertThat(reply.json().path("detail").asString()).contains("'firstName'", "NUL");
    }

    // Probe finding c: inside a list, the index is named too.
    @Test
    void a_nul_character_in_a_list_of_strings_names_the_element() {
        String admin = guests.adminAccessToken();

        Reply reply = http.post("/api/v1/admin/room-types",
                "{\"name\":\"Nul loft\",\"maxOccupancy\":2,\"baseRate\":\"99.00\",\"amenities\":[\"Wi-Fi\\u0000\"]}", admin);

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("errors").get(0).path("field").asString()).isEqualTo("amenities[0]");
        assertThat(reply.body()).doesNotContain("database");
    }

    // Probe finding c: in a query parameter (and its name); Tomcat refuses it in the path and in headers.
    @Test
    void a_nul_character_in_a_parameter_or_header_is_a_400_problem() throws IOException {
        RawHttp.Response inValue = raw.get("/api/v1/auth/validate-reset-token?token=abc%00def");
        RawHttp.Response inName = raw.get("/api/v1/room-types?to%00ken=abc");
        RawHttp.Response inForm = raw.send("POST", "/api/v1/notifications/unsubscribe", "application/x-www-form-urlencoded",
                "token=a%00b".getBytes(StandardCharsets.UTF_8));

        assertProblem(inValue, 400);
        JsonNode problem = HttpProbe.parse(inValue.body());
        assertThat(problem.path("errors").get(0).path("field").asString()).isEqualTo("token");
        assertProblem(inName, 400);
        assertThat(HttpProbe.parse(inName.body()).path("errors").get(0).path("field").asString()).isEqualTo("to\\u0000ken");
        assertProblem(inForm, 400);
        assertProblem(raw.get("/api/v1/room-types", "User-Agent: motel\0tests"), 400);
    }

    /** A 4xx problem+json (or, for a request that was fine, the expected success) revealing nothing of the server. */
    private static void assertProblem(RawHttp.Response response, int status) {
        assertThat(response.status()).as(response.body()).isEqualTo(status);
        if (status >= 400) {
            assertThat(response.contentType()).startsWith("application/problem+json");
            JsonNode problem = HttpProbe.parse(response.body());
            assertThat(problem.path("status").asInt()).isEqualTo(status);
            assertThat(problem.path("title").asString()).isNotBlank();
            assertThat(problem.path("detail").asString()).isNotBlank();
        }
        assertThat(response.body()).doesNotContain("Tomcat", "Exception", "\tat ", "java.", "org.", "<html");
        assertThat(response.headers()).doesNotContainKey("server");
    }

    private static String json(String... keyValues) {
        return HttpProbe.json(Map.of(keyValues[0], keyValues[1], keyValues[2], keyValues[3]));
    }
}
