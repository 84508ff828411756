package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.SiteBrowser.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Bookings made without an account join an account only when one party proves both the mailbox (the verification link)
 * and the account (a login), in one browser. Clicking the link proves the mailbox, not who chose the password: an
 * attacker who registers the victim's address and waits for her to click gets none of her bookings.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SiteBookingClaimIT extends AbstractApiIT {

    private static final String ATTACKERS_PASSWORD = "quarry nettle saxophone drizzle";

    @Test
    void an_attacker_who_registered_the_victims_address_sees_none_of_her_bookings_after_she_clicks_the_link() {
        // given: the victim booked without an account; the attacker opens an account with her address and his password
        String victim = Guests.uniqueEmail("victim");
        String booking = guests.bookedWithoutAccount(victim).path("id").asString();
        SiteBrowser attacker = new SiteBrowser(port);
        register(attacker, victim, ATTACKERS_PASSWORD);

        // when: the victim, puzzled, clicks the verification link in her own browser; the attacker logs in in his
        SiteBrowser victimsBrowser = new SiteBrowser(port);
        assertThat(verify(victimsBrowser, victim).status()).isEqualTo(200);
        assertThat(attacker.logIn(victim, ATTACKERS_PASSWORD).location()).endsWith("/account");

        // then
        assertThat(ownerOf(booking)).as("still nobody's account").isNull();
        assertThat(http.get("/api/v1/bookings", guests.accessToken(victim, ATTACKERS_PASSWORD)).json().path("items").findValuesAsString("id"))
                .isEmpty();
    }

    @Test
    void the_owner_who_verifies_and_logs_in_in_the_same_browser_gets_the_bookings_she_made_without_an_account() {
        // given
        String owner = Guests.uniqueEmail("later-member");
        String booking = guests.bookedWithoutAccount(owner).path("id").asString();
        SiteBrowser browser = new SiteBrowser(port);
        register(browser, owner, Guests.PASSWORD);

        // when
        Page verified = verify(browser, owner);
        Page loggedIn = browser.logIn(owner, Guests.PASSWORD);

        // then
        assertThat(verified.text()).contains("Log in now, in this browser, and those bookings join your account");
        assertThat(loggedIn.location()).endsWith("/account");
        assertThat(ownerOf(booking)).isEqualTo(accountOf(owner));
        assertThat(http.get("/api/v1/bookings", guests.accessToken(owner)).json().path("items").findValuesAsString("id")).containsExactly(booking);
        assertThat(claimsAudited(owner)).as("audited").isOne();
    }

    private static void register(SiteBrowser browser, String email, String password) {
        browser.get("/register");
        Page registered = browser.post("/register", Map.of("firstName", "Mia", "lastName", "Holm", "email", email, "password", password));
        assertThat(registered.status()).as(registered.body()).isEqualTo(302);
    }

    /** Opens the verification email's link and presses its button. */
    private Page verify(SiteBrowser browser, String email) {
        String token = guests.emailToken(email, "email-verification");
        browser.get("/verify-email?token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
        return browser.post("/verify-email", Map.of("token", token));
    }

    private String ownerOf(String booking) {
        return jdbc.sql("SELECT guest_id::text FROM bookings WHERE id = :id::uuid").param("id", booking).query(String.class).optional().orElse(null);
    }

    private String accountOf(String email) {
        return jdbc.sql("SELECT id::text FROM users WHERE email = :email").param("email", email).query(String.class).single();
    }

    private long claimsAudited(String email) {
        return jdbc.sql("SELECT count(*) FROM audit_log WHERE action = 'USER_BOOKINGS_CLAIMED' AND entity_id = :id")
                .param("id", accountOf(email)).query(Long.class).single();
    }
}
