package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A logged-in visitor outlives the access token (here two seconds): the site trades the refresh token for a new pair in
 * the web session, and the visitor stays logged in without noticing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "motel.security.jwt.access-token-ttl=2s", "motel.security.jwt.clock-skew=0s"})
class SiteTokenRefreshIT extends AbstractApiIT {

    @Test
    void an_expired_access_token_is_refreshed_from_the_web_session_and_the_visitor_stays_logged_in() {
        String email = guests.verifiedGuest("site-refresh");
        SiteBrowser browser = new SiteBrowser(port);
        browser.logIn(email, Guests.PASSWORD);
        long first = refreshTokens(email);

        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> browser.get("/account").status() == 200 && refreshTokens(email) > first);

        assertThat(browser.get("/account").status()).isEqualTo(200);
        assertThat(activeSessions(email)).as("still the one account session").isOne();
    }

    private long refreshTokens(String email) {
        return jdbc.sql("SELECT count(*) FROM refresh_tokens r JOIN user_sessions s ON s.id = r.session_id JOIN users u ON u.id = s.user_id "
                + "WHERE u.email = :email").param("email", email).query(Long.class).single();
    }

    private long activeSessions(String email) {
        return jdbc.sql("SELECT count(*) FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = :email AND s.ended_at IS NULL")
                .param("email", email).query(Long.class).single();
    }
}
