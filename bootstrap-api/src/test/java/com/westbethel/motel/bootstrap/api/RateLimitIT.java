package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.bootstrap.api.Guests.randomAddress;
import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import java.net.http.HttpRequest;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/** The rate limits through real HTTP and real Redis, with limits small enough to reach in a test. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "motel.rate-limit.per-address.login=3/1m",
        "motel.rate-limit.per-account.password-reset=1/1h"})
class RateLimitIT extends AbstractApiIT {

    @Test
    void one_address_beyond_its_login_limit_gets_429_with_retry_after() {
        String address = randomAddress();
        for (int i = 0; i < 3; i++) {
            assertThat(guests.failedLogInFrom(address, "guest" + i + "@example.com").status()).isEqualTo(401);
        }

        Reply refused = guests.failedLogInFrom(address, "guest3@example.com");

        assertThat(refused.status()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.header("Retry-After"))).isBetween(1, 60);
        assertThat(refused.contentType()).startsWith("application/problem+json");
        assertThat(guests.failedLogInFrom(randomAddress(), "guest3@example.com").status()).as("another address").isEqualTo(401);
    }

    @Test
    void forgot_password_beyond_the_limit_for_one_address_and_account_answers_the_same_but_sends_nothing_more() {
        String email = "admin@westbethelmotel.test";
        jdbc.sql("DELETE FROM email_queue WHERE recipient = :email AND template = 'password-reset'").param("email", email).update();

        Reply first = http.post("/api/v1/auth/forgot-password", json(Map.of("email", email)));
        Reply second = http.post("/api/v1/auth/forgot-password", json(Map.of("email", email)));

        assertThat(second.status()).isEqualTo(first.status()).isEqualTo(202);
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(jdbc.sql("SELECT count(*) FROM email_queue WHERE recipient = :email AND template = 'password-reset'")
                .param("email", email).query(Long.class).single()).isEqualTo(1);

        Reply fromElsewhere = http.send(http.request("/api/v1/auth/forgot-password").header("Content-Type", "application/json")
                .header("X-Forwarded-For", randomAddress()).POST(HttpRequest.BodyPublishers.ofString(json(Map.of("email", email)))));
        assertThat(fromElsewhere.status()).isEqualTo(202);
        assertThat(jdbc.sql("SELECT count(*) FROM email_queue WHERE recipient = :email AND template = 'password-reset'")
                .param("email", email).query(Long.class).single()).as("another address cannot use up the owner's allowance").isEqualTo(2);
    }
}
