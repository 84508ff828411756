package com.westbethel.motel.bootstrap.api.site;

import static com.westbethel.motel.bootstrap.api.site.Accounts.NEW_PASSWORD;
import static com.westbethel.motel.bootstrap.api.site.Accounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A guest's account on the website, in a real Chromium: sign up, verify from the emailed link, log in, two-factor login
 * from the QR code's page to the code step, where they are logged in, which emails they get, a new password; each page
 * held to the quality bars on the way. And logging in with the keyboard alone, and logging out of a session that is gone.
 */
class AccountJourneyIT extends AbstractAccountSiteIT {

    private static final String FIREFOX_ON_LINUX = "Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0";

    @Test
    void a_guest_signs_up_verifies_from_the_emailed_link_turns_on_two_factor_login_and_manages_the_account() {
        String email = Accounts.uniqueEmail("journey");

        // Sign up: a weak password is refused beside its field, with everything else kept.
        browser.open("/register");
        browser.assertPageBars("register");
        browser.fill("First name", "Anna").fill("Last name", "Berg").fill("Email address", email).fill("Password", "password1234")
                .press("Create my account");
        assertThat(status()).isEqualTo(400);
        assertThat(browser.messageFor("Password")).contains("The password is too easy to guess");
        assertThat(browser.value("First name")).isEqualTo("Anna");
        assertThat(browser.value("Last name")).isEqualTo("Berg");
        assertThat(browser.value("Email address")).isEqualTo(email);
        assertThat(browser.value("Password")).as("a password is never sent back").isEmpty();
        browser.assertPageBars("register-refused");
        browser.fill("Password", PASSWORD).press("Create my account");
        assertThat(browser.path()).isEqualTo("/register/check-email");
        assertThat(browser.text()).contains("Check your email", email);
        browser.assertPageBars("register-check-email");

        // Not verified yet: the login says so (403) and offers the link again.
        browser.open("/login").fill("Email address", email).fill("Password", PASSWORD).press("Log in");
        assertThat(status()).isEqualTo(403);
        assertThat(browser.text()).contains("Verify your email address first", "Send the link again");
        browser.assertPageBars("login-unverified");

        // The emailed link: its page verifies nothing until the button is pressed (a mail scanner's GET uses nothing).
        browser.open(emails.link(email, "email-verification", "/verify-email"));
        assertThat(status()).isEqualTo(200);
        assertThat(browser.title()).isEqualTo("Verify your email - West Bethel Motel");
        assertThat(emailVerified(email)).as("opening the link verifies nothing").isFalse();
        assertThat(unusedTokens(email, "EMAIL_VERIFICATION")).as("nor uses the link's token").isPositive();
        browser.assertPageBars("verify-email");
        browser.press("Verify my email");
        assertThat(browser.text()).contains("Your email address is verified");
        assertThat(emailVerified(email)).isTrue();
        assertThat(unusedTokens(email, "EMAIL_VERIFICATION")).isZero();
        browser.assertPageBars("verify-email-done");

        browser.follow("Log in");
        assertThat(browser.path()).isEqualTo("/login");
        browser.assertPageBars("login");
        browser.fill("Email address", email).fill("Password", PASSWORD).press("Log in");
        assertThat(browser.path()).isEqualTo("/account");
        assertThat(browser.text()).contains("Your account", "Anna Berg", email, "Verified");
        browser.assertPageBars("account");
        String phone = accounts.logInElsewhere(email, FIREFOX_ON_LINUX);

        // Two-factor login: the QR code, the key beside it for an app that cannot scan, a code pasted with its space.
        browser.follow("Two-factor login");
        assertThat(browser.text()).contains("Two-factor login is off");
        browser.assertPageBars("account-two-factor-off");
        browser.fill("Your password", PASSWORD).press("Continue");
        assertThat(browser.path()).isEqualTo("/account/two-factor/setup");
        WebElement qrCode = browser.find("img.qr");
        assertThat(qrCode.isDisplayed()).isTrue();
        assertThat(qrCode.getDomAttribute("alt")).startsWith("QR code to add your West Bethel Motel account");
        assertThat((Long) browser.driver().executeScript("return arguments[0].naturalWidth", qrCode)).as("the image decoded").isPositive();
        browser.assertPageBars("account-two-factor-setup");
        String secret = browser.text("code.secret").replace(" ", "");
        browser.fill("6-digit code", Accounts.spaced(Accounts.code(secret, 0))).press("Turn on two-factor login");
        assertThat(browser.text()).contains("Two-factor login is on", "Save these backup codes now");
        List<String> backupCodes = browser.findAll(".codes li").stream().map(WebElement::getText).toList();
        assertThat(backupCodes).hasSize(10).allMatch(code -> code.matches("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}"));
        browser.assertPageBars("account-backup-codes");
        browser.follow("I have saved my codes");
        assertThat(browser.text()).contains("Two-factor login is on", "10 of your backup codes are left");
        browser.assertPageBars("account-two-factor-on");

        // Log out, and in again: the password, then the code step, which password managers and phones fill in.
        browser.press("Log out");
        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.text()).contains("You are logged out.");
        browser.fill("Email address", email).fill("Password", PASSWORD).press("Log in");
        assertThat(browser.path()).isEqualTo("/login/two-factor");
        assertThat(browser.field("Code from your app").getDomAttribute("autocomplete")).isEqualTo("one-time-code");
        assertThat(browser.field("Code from your app").getDomAttribute("inputmode")).isEqualTo("numeric");
        browser.assertPageBars("login-two-factor");
        browser.fill("Code from your app", Accounts.spaced(Accounts.code(secret, 1))).press("Log in");
        assertThat(browser.path()).isEqualTo("/account");

        // Where the account is logged in: this browser, and the phone, which it logs out.
        browser.follow("Where you are logged in");
        assertThat(browser.find(".panel .tag").getText()).isEqualTo("This device");
        assertThat(browser.find(".panel h2").getText()).startsWith("Chrome on Linux");
        assertThat(browser.findAll(".panel")).hasSize(2);
        browser.assertPageBars("account-sessions");
        browser.press(browser.driver().findElement(By.xpath("//div[@class='panel'][.//h2[contains(., 'Firefox on Linux')]]//button")));
        assertThat(browser.path()).isEqualTo("/account/sessions");
        assertThat(browser.text()).contains("That session is ended").doesNotContain("Firefox on Linux");
        assertThat(browser.findAll(".panel")).hasSize(1);
        assertThat(accounts.accepted(phone)).as("the phone's token").isFalse();

        // Which emails: loyalty news off, receipts kept, the essential ones not a choice.
        browser.open("/account").follow("Emails you receive");
        assertThat(browser.field("Loyalty points earned").isSelected()).isTrue();
        assertThat(browser.field("Booking confirmations, cancellations and failed payments").isEnabled()).isFalse();
        browser.assertPageBars("account-notifications");
        browser.field("Loyalty points earned").click();
        browser.press("Save my choices");
        assertThat(browser.text()).contains("Your choices are saved.");
        assertThat(browser.field("Loyalty points earned").isSelected()).isFalse();
        assertThat(browser.field("A receipt for every payment").isSelected()).isTrue();

        // A new password: the wrong current one is refused beside its field; then the old one no longer logs in.
        browser.open("/account").follow("Change your password");
        browser.assertPageBars("account-password");
        browser.fill("Current password", "not the password at all").fill("New password", NEW_PASSWORD).press("Change my password");
        assertThat(status()).isEqualTo(400);
        assertThat(browser.messageFor("Current password")).contains("The current password is incorrect");
        browser.assertPageBars("account-password-refused");
        browser.fill("Current password", PASSWORD).fill("New password", NEW_PASSWORD).press("Change my password");
        assertThat(browser.path()).isEqualTo("/account");
        assertThat(browser.text()).contains("Your password is changed.");

        browser.press("Log out");
        browser.fill("Email address", email).fill("Password", PASSWORD).press("Log in");
        assertThat(browser.text()).contains("The email address or the password is incorrect.");
        browser.fill("Email address", email).fill("Password", NEW_PASSWORD).press("Log in");
        assertThat(browser.path()).isEqualTo("/login/two-factor");
        // This step's code is used already: the phone is "not at hand", and a backup code, typed in lower case, does.
        browser.follow("No phone at hand? Use a backup code");
        browser.assertPageBars("login-backup-code");
        browser.fill("Backup code", backupCodes.get(0).toLowerCase()).press("Log in");
        assertThat(browser.path()).isEqualTo("/account");
    }

    @Test
    void a_guest_logs_in_with_the_keyboard_alone_past_the_navigation_by_the_skip_link() {
        String email = accounts.verified("keyboard");
        browser.open("/login");

        var keyboard = browser.keyboard().tabToText("Skip to main content").enter().tab();

        assertThat(keyboard.focused()).as("the first stop after the skip link").isEqualTo(browser.field("Email address"));
        keyboard.type(email).tabToField("Password").type(PASSWORD).tabToText("Log in").enter();

        // Enter sends the form a moment later: the login page is left, for the account.
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(driver -> !browser.path().equals("/login"));
        assertThat(browser.path()).isEqualTo("/account");
        assertThat(browser.text()).contains("Your account", email);
    }

    @Test
    void logging_out_of_a_session_that_expired_meanwhile_lands_on_the_login_page_changing_nothing() {
        String email = accounts.verified("stale-logout");
        browser.open("/login").fill("Email address", email).fill("Password", PASSWORD).press("Log in");
        assertThat(browser.path()).isEqualTo("/account");

        String ended = webSessionId();
        webSessionIdlePastItsLimit();
        browser.press("Log out");

        assertThat(webSessionExists(ended)).as("the server had no session to log out").isFalse();
        assertThat(status()).isEqualTo(200);
        assertThat(browser.path()).isEqualTo("/login");
        assertThat(browser.text()).contains("You are logged out.").doesNotContain("This form has expired");
        assertThat(browser.open("/account").path()).startsWith("/login?next=");
    }

    @Test
    void a_logout_without_the_forms_token_still_cannot_log_anyone_out_nor_end_a_visit_without_an_account() {
        String email = accounts.verified("forced-logout");
        browser.open("/login").fill("Email address", email).fill("Password", PASSWORD).press("Log in");

        // A form posted to /logout without the site's CSRF token (from a page SameSite=Lax lets through, such as a sibling
        // subdomain's): the logged-in visitor stays logged in.
        sendForm("/logout");

        assertThat(status()).isEqualTo(403);
        assertThat(browser.text()).contains("This form has expired");
        assertThat(browser.open("/account").path()).as("still logged in").isEqualTo("/account");

        // A visitor without an account (a booking under way in the web session) keeps the session.
        browser.forgetVisitor();
        browser.open("/login");
        String visit = webSessionId();
        sendForm("/logout");

        assertThat(browser.path()).isEqualTo("/login");
        assertThat(webSessionId()).isEqualTo(visit);
        assertThat(webSessionExists(visit)).isTrue();
    }

    /** What another site's page does: a form posted to {@code action} on this site, without the site's CSRF token. */
    private void sendForm(String action) {
        WebElement before = browser.find("html");
        browser.driver().executeScript("""
                const form = document.createElement('form');
                form.method = 'post';
                form.action = arguments[0];
                document.body.appendChild(form);
                form.submit();""", action);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(d -> SiteBrowser.isGone(before));
        browser.waitFor("main h1");
    }
}
