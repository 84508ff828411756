package com.westbethel.motel.bootstrap.api.site;

import static com.westbethel.motel.bootstrap.api.site.Accounts.NEW_PASSWORD;
import static com.westbethel.motel.bootstrap.api.site.Accounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe;
import com.westbethel.motel.bootstrap.api.PaidBookings;
import org.junit.jupiter.api.Test;

/**
 * The account emails' links, followed in a real Chromium as the guest clicks them: the password reset's (its page uses
 * nothing until the form is sent) and the unsubscribe link of a receipt (its page asks before it unsubscribes).
 */
class EmailedLinkJourneyIT extends AbstractAccountSiteIT {

    @Test
    void forgot_password_then_the_emailed_link_opens_a_form_that_refuses_a_weak_password_and_takes_a_good_one() {
        String email = accounts.verified("reset");

        browser.open("/login").follow("Forgot your password?");
        browser.assertPageBars("forgot-password");
        browser.fill("Email address", email).press("Send me a link");
        assertThat(browser.path()).isEqualTo("/forgot-password/sent");
        assertThat(browser.text()).contains("Check your email", email);
        browser.assertPageBars("forgot-password-sent");

        browser.open(emails.link(email, "password-reset", "/reset-password"));
        assertThat(status()).isEqualTo(200);
        assertThat(browser.title()).isEqualTo("Choose a new password - West Bethel Motel");
        assertThat(unusedTokens(email, "PASSWORD_RESET")).as("opening the link uses nothing").isOne();
        browser.assertPageBars("reset-password");

        browser.fill("New password", "password1234").press("Change my password");
        assertThat(status()).isEqualTo(400);
        assertThat(browser.messageFor("New password")).contains("The password is too easy to guess");
        assertThat(browser.value("New password")).as("a password is never sent back").isEmpty();
        assertThat(unusedTokens(email, "PASSWORD_RESET")).as("a refused password keeps the link working").isOne();
        browser.assertPageBars("reset-password-refused");

        browser.fill("New password", NEW_PASSWORD).press("Change my password");
        assertThat(browser.text()).contains("Your password is changed");
        assertThat(unusedTokens(email, "PASSWORD_RESET")).isZero();
        browser.assertPageBars("reset-password-done");

        browser.follow("Log in");
        browser.fill("Email address", email).fill("Password", PASSWORD).press("Log in");
        assertThat(browser.text()).as("the old password").contains("The email address or the password is incorrect.");
        browser.fill("Email address", email).fill("Password", NEW_PASSWORD).press("Log in");
        assertThat(browser.path()).isEqualTo("/account");

        browser.forgetVisitor();
        browser.open(emails.link(email, "password-reset", "/reset-password"));
        assertThat(status()).as("a used link").isEqualTo(400);
        assertThat(browser.text()).contains("This link is not valid");
        browser.assertPageBars("reset-password-invalid");
    }

    @Test
    void the_unsubscribe_link_of_a_receipt_asks_first_and_its_button_unsubscribes() {
        String email = accounts.verified("unsubscribe");
        HttpProbe http = new HttpProbe(port);
        String guest = accounts.logInElsewhere(email, "motel-tests/1.0");
        // A paid booking: its receipt is an email with an unsubscribe link.
        PaidBookings.payForABooking(http, guest);

        browser.open(emails.link(email, "payment-receipt", "/unsubscribe"));
        assertThat(status()).isEqualTo(200);
        assertThat(browser.text()).contains("Stop emails about: a receipt for every payment?");
        assertThat(receipts(http, guest)).as("opening the link changes nothing").isTrue();
        browser.assertPageBars("unsubscribe");

        browser.press("Unsubscribe");

        assertThat(browser.text()).contains("You are unsubscribed");
        assertThat(receipts(http, guest)).isFalse();
        browser.assertPageBars("unsubscribe-done");
    }

    @Test
    void a_broken_link_opens_a_page_that_says_so_and_what_to_do_instead() {
        browser.open("/verify-email?token=");
        assertThat(status()).isEqualTo(400);
        assertThat(browser.text()).contains("This link is not valid", "Send a new link");
        browser.assertPageBars("verify-email-invalid");

        browser.open("/unsubscribe?token=forged");
        assertThat(status()).isEqualTo(400);
        assertThat(browser.text()).contains("This unsubscribe link is not valid", "nothing was unsubscribed");
        browser.assertPageBars("unsubscribe-invalid");
    }

    private static boolean receipts(HttpProbe http, String guest) {
        for (var type : http.get("/api/v1/users/me/notification-preferences", guest).json().path("types")) {
            if (type.path("type").asString().equals("PAYMENT_RECEIPTS")) {
                return type.path("email").asBoolean();
            }
        }
        throw new AssertionError("no PAYMENT_RECEIPTS preference");
    }
}
