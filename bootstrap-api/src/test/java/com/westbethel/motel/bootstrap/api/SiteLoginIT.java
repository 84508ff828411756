package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.SiteBrowser.Page;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.data.redis.core.StringRedisTemplate;

/**
 * Logging in and out of the website (issue 11): the account's tokens stay in the server-side session, the session id
 * changes at login, the session ends with the account session, and it lives in PostgreSQL, not in Redis.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SiteLoginIT extends AbstractApiIT {

    @Autowired
    StringRedisTemplate redis;

    SiteBrowser browser;

    @BeforeEach
    void openBrowser() {
        browser = new SiteBrowser(port);
    }

    @Test
    void logging_in_gives_a_new_session_id_and_keeps_no_token_in_the_page_or_a_cookie() {
        String email = guests.verifiedGuest("site-login");
        browser.get("/login");
        String before = browser.sessionCookie().orElseThrow().getValue();

        Page loggedIn = browser.post("/login", Map.of("email", email, "password", Guests.PASSWORD));

        assertThat(loggedIn.status()).isEqualTo(302);
        assertThat(loggedIn.location()).endsWith("/account");
        String after = browser.sessionCookie().orElseThrow().getValue();
        assertThat(after).as("no session fixation").isNotEqualTo(before);
        assertThat(loggedIn.response().headers().allValues("Set-Cookie")).allSatisfy(cookie -> assertThat(cookie).startsWith("SESSION="));
        assertThat(signedIn(browser)).isTrue();
    }

    @Test
    void a_wrong_password_shows_the_form_again_with_the_email_kept_and_the_password_not() {
        String email = guests.verifiedGuest("site-wrong");

        Page refused = browser.logIn(email, Guests.WRONG_PASSWORD);

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("There is a problem", "The email address or the password is incorrect.");
        assertThat(refused.inputValue("email")).contains(email);
        assertThat(refused.inputValue("password")).contains("");
        assertThat(refused.body()).doesNotContain(Guests.WRONG_PASSWORD);
        assertThat(signedIn(browser)).isFalse();
    }

    @Test
    void empty_fields_are_named_next_to_the_field_and_in_the_summary() {
        browser.get("/login");

        Page refused = browser.post("/login", Map.of("email", "", "password", ""));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("href=\"#email\"", "id=\"email-error\"", "aria-describedby=\"email-error\"", "aria-invalid=\"true\"");
        assertThat(refused.text()).contains("Enter your email address", "Enter your password");
    }

    @Test
    void next_sends_the_visitor_back_to_a_page_of_this_site_only() {
        String email = guests.verifiedGuest("site-next");

        for (String foreign : new String[] {"//evil.example/x", "https://evil.example/", "/\\evil.example", "javascript:alert(1)", "/ok\r\nX: y"}) {
            SiteBrowser visitor = new SiteBrowser(port);
            visitor.get("/login");
            Page loggedIn = visitor.post("/login", Map.of("email", email, "password", Guests.PASSWORD, "next", foreign));
            assertThat(loggedIn.location()).as(foreign).endsWith("/account").doesNotContain("evil");
        }
        SiteBrowser visitor = new SiteBrowser(port);
        visitor.get("/login?next=%2Faccount%2Fsessions");
        assertThat(visitor.post("/login", Map.of("email", email, "password", Guests.PASSWORD, "next", "/account/sessions")).location())
                .endsWith("/account/sessions");
    }

    @Test
    void logging_out_ends_the_account_session_and_the_web_session() {
        String email = guests.verifiedGuest("site-logout");
        browser.logIn(email, Guests.PASSWORD);
        assertThat(browser.get("/account").body()).as("the layout's logout button").contains("action=\"/logout\"");

        Page loggedOut = browser.post("/logout", Map.of());

        assertThat(loggedOut.status()).isEqualTo(302);
        assertThat(signedIn(browser)).isFalse();
        assertThat(activeAccountSessions(email)).isZero();
    }

    @Test
    void logging_out_everywhere_from_another_device_makes_the_website_anonymous_again() {
        String email = guests.verifiedGuest("site-everywhere");
        browser.logIn(email, Guests.PASSWORD);
        assertThat(signedIn(browser)).isTrue();

        assertThat(http.post("/api/v1/auth/logout-all", "{}", guests.accessToken(email)).status()).isEqualTo(204);

        assertThat(signedIn(browser)).isFalse();
        assertThat(browser.get("/account").status()).as("back to the login page").isEqualTo(302);
    }

    @Test
    void the_website_session_lives_in_postgresql_and_survives_a_redis_flush() {
        String email = guests.verifiedGuest("site-redis");
        browser.logIn(email, Guests.PASSWORD);
        // Spring Session writes the id base64-encoded in the cookie.
        String id = new String(Base64.getDecoder().decode(browser.sessionCookie().orElseThrow().getValue()), StandardCharsets.US_ASCII);

        redis.getConnectionFactory().getConnection().serverCommands().flushAll();

        assertThat(signedIn(browser)).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM spring_session WHERE session_id = :id").param("id", id).query(Long.class).single())
                .isOne();
    }

    /** Whether the visitor is logged in, as the login page tells: it sends a logged-in visitor on. */
    private static boolean signedIn(SiteBrowser visitor) {
        return visitor.get("/login").status() == 302;
    }

    private long activeAccountSessions(String email) {
        return jdbc.sql("SELECT count(*) FROM user_sessions s JOIN users u ON u.id = s.user_id WHERE u.email = :email AND s.ended_at IS NULL")
                .param("email", email).query(Long.class).single();
    }
}
