package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * {@code X-Request-Id} on every answer: the caller's when well formed, a new UUID otherwise (never the caller's bad value
 * reflected), whoever answers: a controller, the website, the 404 problem, Spring Security's 401, the rate limiter's 429.
 */
// RouteRateLimitIT's limits, so the two share one context.
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "motel.rate-limit.per-address.login=5/1m",
        "motel.rate-limit.per-address.register=10/1h",
        "motel.rate-limit.per-address.password-reset=3/1h",
        "motel.rate-limit.per-address.unrouted=3/1h",
        "motel.rate-limit.per-address.guest-booking=3/1h"})
class RequestIdIT extends AbstractApiIT {

    private static final String UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
    private final HttpClient client = HttpClient.newHttpClient();
    /** Each test is a client of its own: the paths no route serves count against a small hourly limit per address. */
    private final String clientAddress = Guests.randomAddress();

    @Test
    void a_well_formed_id_comes_back_on_every_kind_of_answer() throws Exception {
        assertEchoed(get("/api/v1/room-types", "A-1.b_2"), 200, "A-1.b_2");
        assertEchoed(get("/api/v1/users/me", "unauthenticated-1"), 401, "unauthenticated-1");
        assertEchoed(get("/no-such-page", "not-found-1"), 404, "not-found-1");
        HttpResponse<String> page = send(request("/", "page-1").header("Accept", "text/html"));
        assertEchoed(page, 200, "page-1");
        assertThat(page.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/html");
        String longest = "x".repeat(64);
        assertEchoed(get("/api/v1/room-types", longest), 200, longest);
    }

    @Test
    void the_rate_limiters_429_carries_it_too() throws Exception {
        // A path no route serves: 3 an hour per client address here.
        List<Integer> statuses = new ArrayList<>();
        HttpResponse<String> last = null;
        for (int i = 0; i < 4; i++) {
            last = get("/no-such-page-" + i, "limited-" + i);
            statuses.add(last.statusCode());
            assertThat(last.headers().firstValue("X-Request-Id")).hasValue("limited-" + i);
        }
        assertThat(statuses).containsExactly(404, 404, 404, 429);
    }

    @Test
    void without_one_or_with_a_malformed_one_a_new_uuid_is_given_and_the_bad_value_never_reflected() throws Exception {
        String first = get("/api/v1/room-types", null).headers().firstValue("X-Request-Id").orElseThrow();
        String second = get("/api/v1/room-types", null).headers().firstValue("X-Request-Id").orElseThrow();
        assertThat(first).matches(UUID);
        assertThat(second).matches(UUID).isNotEqualTo(first);

        for (String malformed : List.of("x".repeat(65), "y".repeat(200), "<script>alert(1)</script>", "a b", "id;drop", "\"quoted\"", "")) {
            HttpResponse<String> answer = get("/no-such-page", malformed);
            String id = answer.headers().firstValue("X-Request-Id").orElseThrow();
            assertThat(id).as(malformed).matches(UUID);
            if (!malformed.isEmpty()) {
                assertThat(answer.body()).doesNotContain(malformed);
            }
        }
    }

    @Test
    void a_line_break_in_the_header_never_comes_back() throws IOException {
        // A folded header line (obs-fold): Tomcat either refuses it or hands the filter one value with a space in it.
        RawHttp.Response answer = RawHttp.loopback(port).get("/api/v1/room-types", "X-Request-Id: abc\r\n injected: yes");
        assertThat(answer.headers()).doesNotContainKey("injected");
        assertThat(answer.body()).doesNotContain("injected");
        if (answer.status() != 400) {
            assertThat(answer.headers().get("x-request-id")).matches(UUID);
        }
    }

    private static void assertEchoed(HttpResponse<String> answer, int status, String id) {
        assertThat(answer.statusCode()).isEqualTo(status);
        assertThat(answer.headers().firstValue("X-Request-Id")).hasValue(id);
    }

    private HttpResponse<String> get(String path, String id) throws Exception {
        return send(request(path, id).header("Accept", "application/json"));
    }

    private HttpRequest.Builder request(String path, String id) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).header("X-Forwarded-For", clientAddress);
        return id == null ? request : request.header("X-Request-Id", id);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
