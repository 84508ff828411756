package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static com.westbethel.motel.bootstrap.api.Guests.randomAddress;
import static com.westbethel.motel.bootstrap.api.Guests.uniqueEmail;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Finding 2 of issue 10: the bucket a request counts against is chosen by the route it reaches, not by its
 * raw URI, so percent-encoded spellings of an endpoint are counted exactly like the plain one. Each test
 * plays a fresh client address (the test profile trusts loopback as a proxy). Same context as {@link TrustedProxyIT}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "motel.rate-limit.per-address.login=5/1m",
        "motel.rate-limit.per-address.register=10/1h",
        "motel.rate-limit.per-address.password-reset=3/1h",
        "motel.rate-limit.per-address.unrouted=3/1h",
        "motel.rate-limit.per-address.guest-booking=3/1h"})
class RouteRateLimitIT extends AbstractApiIT {

    @Test
    void the_eleventh_sign_up_within_the_hour_is_refused_however_the_path_is_encoded() {
        String client = randomAddress();
        List<String> spellings = List.of("/api/v1/auth/register", "/%61pi/v1/auth/register", "/api/v1/auth/%72egister",
                "/api/v1/%61uth/register", "/api/%761/auth/register", "/%61%70%69/v1/auth/register", "/api/v1/auth/regist%65r",
                "/api/v1/auth/register", "/%61pi/%761/%61uth/%72egister", "/api/v1/auth/%72%65gister");
        for (String path : spellings) {
            Reply signUp = register(path, client);
            assertThat(signUp.status()).as(path).isLessThan(500).isNotEqualTo(429);
        }

        for (String path : List.of("/%61pi/v1/auth/register", "/api/v1/auth/register")) {
            Reply refused = register(path, client);
            assertThat(refused.status()).as(path).isEqualTo(429);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.header("Retry-After")).isNotNull();
        }
    }

    @Test
    void encoded_login_paths_count_against_the_login_limit() {
        String client = randomAddress();
        for (String path : List.of("/%61pi/v1/auth/login", "/api/v1/auth/%6Cogin", "/api/%761/auth/login", "/api/v1/%61uth/login",
                "/api/v1/auth/login")) {
            assertThat(post(path, client, Map.of("email", uniqueEmail("proxy"), "password", "not the password")).status()).as(path).isEqualTo(401);
        }

        assertThat(post("/api/v1/auth/log%69n", client, Map.of("email", uniqueEmail("proxy"), "password", "not the password")).status())
                .isEqualTo(429);
    }

    @Test
    void encoded_forgot_password_paths_count_against_the_password_reset_limit() {
        String client = randomAddress();
        for (String path : List.of("/%61pi/v1/auth/forgot-password", "/api/v1/auth/forgot%2Dpassword", "/api/v1/auth/forgot-password")) {
            assertThat(post(path, client, Map.of("email", uniqueEmail("proxy"))).status()).as(path).isEqualTo(202);
        }

        assertThat(post("/api/v1/%61uth/forgot-password", client, Map.of("email", uniqueEmail("proxy"))).status()).isEqualTo(429);
    }

    @Test
    void a_path_no_route_serves_gets_the_strictest_limit() {
        String client = randomAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(get("/no-such-page-" + i, client).status()).isNotEqualTo(429);
        }

        Reply refused = get("/%61pi/v1/no-such-endpoint", client);

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(get("/api/v1/room-types", client).status()).as("the API's own limit is untouched").isEqualTo(200);
    }

    @Test
    void the_websites_login_form_counts_against_the_same_limit_as_the_api() {
        String client = randomAddress();
        for (int i = 0; i < 5; i++) {
            assertThat(post("/api/v1/auth/login", client, Map.of("email", uniqueEmail("site"), "password", "not the password")).status()).isEqualTo(401);
        }
        SiteBrowser browser = new SiteBrowser(port, client);
        browser.get("/login");

        SiteBrowser.Page refused = browser.post("/login", Map.of("email", uniqueEmail("site"), "password", "not the password"));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.contentType()).startsWith("text/html");
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(refused.text()).contains("Too many tries", "seconds");
    }

    @Test
    void bookings_without_an_account_have_their_own_tight_limit_per_address_and_an_account_is_not_held_to_it() {
        String client = randomAddress();
        String access = guests.loggedInGuest("proxy");
        Map<String, String> withoutGuest = Map.of("checkIn", "2031-01-01");
        for (String path : List.of("/api/v1/bookings", "/%61pi/v1/bookings", "/api/v1/bookings")) {
            assertThat(post(path, client, withoutGuest).status()).as(path).isEqualTo(400);
        }

        Reply refused = post("/api/v1/bookings", client, withoutGuest);
        Reply withAccount = http.send(http.request("/api/v1/bookings").header("Content-Type", "application/json")
                .header("X-Forwarded-For", client).header("Authorization", "Bearer " + access)
                .POST(HttpRequest.BodyPublishers.ofString(json(withoutGuest))));

        Reply madeUpHeader = http.send(http.request("/api/v1/bookings").header("Content-Type", "application/json")
                .header("X-Forwarded-For", client).header("Authorization", "Bearer garbage")
                .POST(HttpRequest.BodyPublishers.ofString(json(withoutGuest))));

        assertThat(refused.status()).isEqualTo(429);
        assertThat(refused.header("Retry-After")).isNotNull();
        assertThat(withAccount.status()).as("an account's booking counts against the API's own limit").isEqualTo(400);
        assertThat(madeUpHeader.status()).as("a made-up bearer escapes the limit only to be refused").isEqualTo(401);
    }

    private Reply register(String path, String client) {
        return post(path, client, Map.of("email", uniqueEmail("proxy"), "password", Guests.PASSWORD, "firstName", "Anna", "lastName", "Berg"));
    }

    private Reply post(String path, String client, Map<String, String> body) {
        return http.send(http.request(path).header("Content-Type", "application/json").header("X-Forwarded-For", client)
                .POST(HttpRequest.BodyPublishers.ofString(json(body))));
    }

    private Reply get(String path, String client) {
        return http.send(http.request(path).header("X-Forwarded-For", client).GET());
    }
}
