package com.westbethel.motel.bootstrap.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.warrenstrange.googleauth.GoogleAuthenticator;
import com.westbethel.motel.application.notification.port.out.UnsubscribeLinks;
import com.westbethel.motel.bootstrap.api.SiteBrowser.Page;
import com.westbethel.motel.domain.notification.NotificationType;
import com.westbethel.motel.domain.notification.UnsubscribeToken;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The website's account pages (issue 11), through HTTP as a browser sends them: register and verify from the emailed
 * link, forgot and reset from the emailed link, log in with the two-factor step, and the account's own pages.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SiteAccountIT extends AbstractApiIT {

    private static final GoogleAuthenticator AUTHENTICATOR_APP = new GoogleAuthenticator();
    private static final String NEW_PASSWORD = "harbour pepper glacier trumpet";

    @Autowired
    UnsubscribeLinks unsubscribeLinks;

    SiteBrowser browser;

    @BeforeEach
    void openBrowser() {
        browser = new SiteBrowser(port);
    }

    @Test
    void register_then_the_emailed_link_opens_a_page_that_verifies_only_when_its_button_is_pressed() {
        String email = Guests.uniqueEmail("site-register");
        browser.get("/register");

        Page registered = browser.post("/register", Map.of("firstName", "Anna", "lastName", "Berg", "email", email, "password", Guests.PASSWORD));

        assertThat(registered.status()).isEqualTo(302);
        assertThat(registered.location()).endsWith("/register/check-email");
        assertThat(browser.get("/register/check-email").text()).contains("Check your email", email);
        String link = emailedLink(email, "email-verification", "verificationUrl");
        assertThat(link).startsWith("http://localhost:8080/verify-email?token=");

        Page landing = browser.get(pathOf(link));
        Page scannedAgain = new SiteBrowser(port).get(pathOf(link));

        assertThat(landing.status()).isEqualTo(200);
        assertThat(landing.text()).contains("Verify my email");
        assertThat(scannedAgain.status()).as("a link scanner's GET used nothing").isEqualTo(200);
        assertThat(guests.logIn(email, Guests.PASSWORD).status()).as("not verified yet").isEqualTo(403);

        Page verified = browser.post("/verify-email", Map.of("token", landing.inputValue("token").orElseThrow()));

        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.text()).contains("Your email address is verified");
        assertThat(verified.body()).contains("href=\"/login\"");
        assertThat(browser.logIn(email, Guests.PASSWORD).location()).endsWith("/account");
        SiteBrowser again = new SiteBrowser(port);
        Page reopened = again.get(pathOf(link));
        assertThat(again.post("/verify-email", Map.of("token", reopened.inputValue("token").orElseThrow())).status())
                .as("a link works once").isEqualTo(400);
    }

    @Test
    void a_pages_own_background_fetch_is_served_while_the_login_lasts() {
        String email = guests.verifiedGuest("site-background");
        browser.logIn(email, Guests.PASSWORD);

        Page fetched = browser.get("/account", "X-Motel-Background", "true");

        // Only renewing an expired login is refused to it (SiteTokenRefreshIT, with a two-second access token).
        assertThat(fetched.status()).isEqualTo(200);
        assertThat(fetched.text()).contains(email);
    }

    @Test
    void a_refused_sign_up_keeps_what_was_typed_except_the_password_and_says_why_next_to_the_field() {
        browser.get("/register");

        Page refused = browser.post("/register", Map.of("firstName", "Anna", "lastName", "", "email", "not-an-address", "password", "short"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.inputValue("firstName")).contains("Anna");
        assertThat(refused.inputValue("email")).contains("not-an-address");
        assertThat(refused.inputValue("password")).contains("");
        assertThat(refused.text()).contains("Enter your last name", "Enter an email address like anna@example.com");
        assertThat(refused.body()).contains("id=\"lastName-error\"", "aria-describedby=\"email-hint email-error\"", "autocomplete=\"new-password\"");

        Page weak = browser.post("/register", Map.of("firstName", "Anna", "lastName", "Berg", "email", Guests.uniqueEmail("weak"),
                "password", "password1234"));

        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.body()).contains("id=\"password-error\"");
        assertThat(weak.text()).contains("The password is too easy to guess");
    }

    @Test
    void signing_up_with_an_address_that_has_an_account_answers_as_for_a_new_one() {
        String email = guests.verifiedGuest("site-taken");
        browser.get("/register");

        Page again = browser.post("/register", Map.of("firstName", "Anna", "lastName", "Berg", "email", email, "password", Guests.PASSWORD));

        assertThat(again.status()).isEqualTo(302);
        assertThat(again.location()).endsWith("/register/check-email");
    }

    @Test
    void forgot_then_the_emailed_link_opens_the_form_without_using_the_token_and_the_new_password_ends_every_session() {
        String email = guests.verifiedGuest("site-reset");
        SiteBrowser elsewhere = new SiteBrowser(port);
        elsewhere.logIn(email, Guests.PASSWORD);
        browser.get("/forgot-password");

        Page known = browser.post("/forgot-password", Map.of("email", email));
        Page unknown = browser.post("/forgot-password", Map.of("email", Guests.uniqueEmail("nobody")));

        assertThat(known.status()).isEqualTo(302);
        assertThat(unknown.status()).isEqualTo(302);
        assertThat(known.location()).isEqualTo(unknown.location()).endsWith("/forgot-password/sent");
        String link = jdbcResetLink(email);
        Page form = browser.get(pathOf(link));
        assertThat(browser.get(pathOf(link)).status()).as("opening the link twice").isEqualTo(200);
        assertThat(form.status()).isEqualTo(200);
        assertThat(form.body()).contains("autocomplete=\"new-password\"");

        Page weak = browser.post("/reset-password", Map.of("token", form.inputValue("token").orElseThrow(), "newPassword", "short"));
        assertThat(weak.status()).isEqualTo(400);
        assertThat(weak.text()).contains("shorter than 12 characters");

        Page done = browser.post("/reset-password", Map.of("token", form.inputValue("token").orElseThrow(), "newPassword", NEW_PASSWORD));

        assertThat(done.status()).isEqualTo(200);
        assertThat(done.text()).contains("Your password is changed");
        assertThat(elsewhere.get("/account").status()).as("logged out everywhere").isEqualTo(302);
        assertThat(new SiteBrowser(port).logIn(email, NEW_PASSWORD).location()).endsWith("/account");
        assertThat(browser.get(pathOf(link)).text()).contains("This link is not valid");
    }

    @Test
    void two_factor_login_set_up_on_the_site_then_logging_in_takes_a_code_or_a_backup_code() {
        String email = guests.verifiedGuest("site-mfa");
        browser.logIn(email, Guests.PASSWORD);
        browser.get("/account/two-factor");

        Page started = browser.post("/account/two-factor/setup", Map.of("password", Guests.PASSWORD));
        assertThat(started.location()).endsWith("/account/two-factor/setup");
        Page setUp = browser.get("/account/two-factor/setup");
        assertThat(setUp.body()).contains("src=\"data:image/png;base64,", "alt=\"QR code");
        String secret = secretOf(setUp);
        assertThat(browser.post("/account/two-factor/confirm", Map.of("code", "000000")).status()).isEqualTo(400);

        Page enabled = browser.post("/account/two-factor/confirm", Map.of("code", code(secret, 0)));

        assertThat(enabled.status()).isEqualTo(200);
        List<String> backupCodes = backupCodes(enabled);
        assertThat(backupCodes).hasSize(10);
        assertThat(browser.get("/account/two-factor").text()).contains("Two-factor login is on", "10 of your backup codes are left");

        SiteBrowser phone = new SiteBrowser(port);
        Page passwordStep = phone.logIn(email, Guests.PASSWORD);
        assertThat(passwordStep.location()).endsWith("/login/two-factor");
        Page codeStep = phone.get("/login/two-factor");
        assertThat(codeStep.body()).contains("autocomplete=\"one-time-code\"", "inputmode=\"numeric\"");
        Page wrong = phone.post("/login/two-factor", Map.of("code", "000000"));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.text()).contains("The code is wrong");
        String spaced = code(secret, 1).substring(0, 3) + " " + code(secret, 1).substring(3);
        assertThat(phone.post("/login/two-factor", Map.of("code", spaced)).location()).as("a pasted code with a space").endsWith("/account");
        assertThat(phone.get("/account").status()).isEqualTo(200);

        SiteBrowser laptop = new SiteBrowser(port);
        laptop.logIn(email, Guests.PASSWORD);
        laptop.get("/login/two-factor?backup");
        assertThat(laptop.post("/login/two-factor", Map.of("code", backupCodes.get(0).toLowerCase(), "backup", "")).location())
                .endsWith("/account");
    }

    @Test
    void the_profile_shows_the_account_and_changing_the_password_keeps_this_session_only() {
        String email = guests.verifiedGuest("site-profile");
        SiteBrowser elsewhere = new SiteBrowser(port);
        elsewhere.logIn(email, Guests.PASSWORD);
        browser.logIn(email, Guests.PASSWORD);

        assertThat(browser.get("/account").text()).contains("Your account", "Kari Holm", email, "Verified");
        browser.get("/account/password");
        Page wrong = browser.post("/account/password", Map.of("currentPassword", Guests.WRONG_PASSWORD, "newPassword", NEW_PASSWORD));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.text()).contains("The current password is incorrect");

        Page changed = browser.post("/account/password", Map.of("currentPassword", Guests.PASSWORD, "newPassword", NEW_PASSWORD));

        assertThat(changed.location()).endsWith("/account");
        assertThat(browser.get("/account").text()).contains("Your password is changed");
        assertThat(elsewhere.get("/account").status()).as("the other device is logged out").isEqualTo(302);
    }

    @Test
    void the_sessions_page_marks_this_device_and_ends_another_one() {
        String email = guests.verifiedGuest("site-sessions");
        SiteBrowser other = new SiteBrowser(port);
        other.logIn(email, Guests.PASSWORD);
        browser.logIn(email, Guests.PASSWORD);

        Page sessions = browser.get("/account/sessions");

        assertThat(sessions.text()).contains("This device", "End this session");
        Matcher end = Pattern.compile("action=\"(/account/sessions/[0-9a-f-]{36}/end)\"").matcher(sessions.body());
        assertThat(end.find()).isTrue();
        assertThat(browser.post(end.group(1), Map.of()).location()).endsWith("/account/sessions");
        assertThat(other.get("/account").status()).as("the ended device is anonymous again").isEqualTo(302);
        assertThat(browser.get("/account").status()).isEqualTo(200);
    }

    @Test
    void notification_choices_are_saved_and_essential_mail_cannot_be_turned_off() {
        String email = guests.verifiedGuest("site-prefs");
        browser.logIn(email, Guests.PASSWORD);
        Page page = browser.get("/account/notifications");
        assertThat(page.body()).contains("id=\"email-LOYALTY\"", "Always sent");

        Page saved = browser.post("/account/notifications", Map.of("email", "PAYMENT_RECEIPTS"));

        assertThat(saved.location()).endsWith("/account/notifications");
        var preferences = http.get("/api/v1/users/me/notification-preferences", guests.accessToken(email)).json();
        assertThat(NotificationsApiIT.type(preferences, "LOYALTY").path("email").asBoolean()).isFalse();
        assertThat(NotificationsApiIT.type(preferences, "PAYMENT_RECEIPTS").path("email").asBoolean()).isTrue();
        assertThat(NotificationsApiIT.type(preferences, "BOOKINGS").path("email").asBoolean()).isTrue();
    }

    @Test
    void the_emailed_unsubscribe_link_asks_first_and_the_one_click_post_unsubscribes_without_a_session() {
        String email = guests.verifiedGuest("site-unsubscribe");
        UUID user = jdbc.sql("SELECT id FROM users WHERE email = :email").param("email", email).query(UUID.class).single();
        String token = URLEncoder.encode(unsubscribeLinks.sign(new UnsubscribeToken(user, NotificationType.LOYALTY)), StandardCharsets.UTF_8);

        Page asks = browser.get("/unsubscribe?token=" + token);

        assertThat(asks.status()).isEqualTo(200);
        assertThat(asks.text()).contains("Stop emails about:", "loyalty points earned");
        assertThat(loyaltyEmails(email)).as("opening the link changes nothing").isTrue();

        Page oneClick = new SiteBrowser(port).postExactly("/unsubscribe?token=" + token, Map.of("List-Unsubscribe", "One-Click"));

        assertThat(oneClick.status()).isEqualTo(200);
        assertThat(oneClick.text()).contains("You are unsubscribed");
        assertThat(loyaltyEmails(email)).isFalse();
        assertThat(browser.get("/unsubscribe?token=forged").status()).isEqualTo(400);
    }

    @Test
    void every_link_the_emails_carry_opens_a_working_page() {
        for (String path : List.of("/login", "/forgot-password", "/register", "/verify-email?token=x", "/reset-password?token=x",
                "/unsubscribe?token=x")) {
            Page page = new SiteBrowser(port).get(path);
            assertThat(page.status()).as(path).isIn(200, 400);
            assertThat(page.contentType()).as(path).startsWith("text/html");
            assertThat(page.text()).as(path).contains("West Bethel Motel").doesNotContain("Page not found");
        }
    }

    private boolean loyaltyEmails(String email) {
        return NotificationsApiIT.type(http.get("/api/v1/users/me/notification-preferences", guests.accessToken(email)).json(), "LOYALTY").path("email").asBoolean();
    }

    private String emailedLink(String email, String template, String key) {
        return jdbc.sql("SELECT model ->> :key FROM email_queue WHERE recipient = :email AND template = :template ORDER BY created_at DESC LIMIT 1")
                .param("key", key).param("email", email).param("template", template).query(String.class).single();
    }

    /** The reset email's link, as the site builds it from the (sealed) token. */
    private String jdbcResetLink(String email) {
        return "http://localhost:8080/reset-password?token=" + URLEncoder.encode(guests.emailToken(email, "password-reset"), StandardCharsets.UTF_8);
    }

    private static String pathOf(String link) {
        URI uri = URI.create(link);
        return uri.getRawPath() + "?" + uri.getRawQuery();
    }

    private static String secretOf(Page setUp) {
        Matcher secret = Pattern.compile("class=\"secret\">([A-Z2-7 ]+)<").matcher(setUp.body());
        assertThat(secret.find()).as("the secret for manual entry").isTrue();
        return secret.group(1).replace(" ", "");
    }

    private static List<String> backupCodes(Page page) {
        return Pattern.compile("<li>([A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4})</li>").matcher(page.body()).results().map(found -> found.group(1)).toList();
    }

    private static String code(String secret, int stepsAhead) {
        return String.format("%06d", AUTHENTICATOR_APP.getTotpPassword(secret, System.currentTimeMillis() + stepsAhead * 30_000L));
    }
}
