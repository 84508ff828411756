package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * A logged-in visitor outlives the access token (here two seconds): the site trades the refresh token for a new pair in
 * the web session, and the visitor stays logged in without noticing; unless the request is a page's script fetching it
 * again unasked (X-Motel-Background), which never renews the login.
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

    @Test
    void a_background_fetch_never_renews_the_login_so_an_unattended_page_still_goes_idle_and_the_visit_carries_on_when_used() {
        String email = guests.verifiedGuest("site-background");
        SiteBrowser browser = new SiteBrowser(port);
        browser.logIn(email, Guests.PASSWORD);
        long first = refreshTokens(email);

        // Served while the access token lasts (two seconds: too short to assert on a busy machine), then sent to log in.
        await().atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(500))
                .until(() -> browser.get("/account", "X-Motel-Background", "true").status() == 302);
        String lastSeen = lastSeen(email);

        assertThat(browser.get("/account", "X-Motel-Background", "true").location()).contains("/login");
        assertThat(refreshTokens(email)).as("no refresh: the account session was not told it is in use").isEqualTo(first);
        assertThat(lastSeen(email)).isEqualTo(lastSeen);
        assertThat(browser.get("/account").status()).as("the visit was left alone: used again, it renews the login").isEqualTo(200);
        assertThat(refreshTokens(email)).isGreaterThan(first);
    }

    private String lastSeen(String email) {
        return jdbc.sql("SELECT s.last_seen_at::text FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = :email")
                .param("email", email).query(String.class).single();
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
