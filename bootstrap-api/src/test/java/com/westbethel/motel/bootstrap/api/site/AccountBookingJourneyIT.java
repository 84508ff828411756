package com.westbethel.motel.bootstrap.api.site;

import static com.westbethel.motel.bootstrap.api.site.Accounts.PASSWORD;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;

/**
 * Issue 11's journey of a guest who becomes a member, in one real Chromium: a booking made without an account and with
 * the keyboard alone (search, the details, the review, the card, the confirmation); then an account for the same
 * address, verified from the emailed link and logged in in that browser, which brings the booking along; two-factor
 * login turned on and used; a second booking, logged in; both under "My bookings". Every page here is held to the bars by
 * the other journeys, so this one only walks it.
 */
class AccountBookingJourneyIT extends AbstractAccountSiteIT {

    /** What a guest types into Chromium's date field (en-US): month, day, year, digits only. */
    private static final DateTimeFormatter DATE_KEYS = DateTimeFormatter.ofPattern("MMddyyyy");

    @Test
    void a_guest_books_by_keyboard_without_an_account_then_registers_verifies_logs_in_with_totp_books_again_and_sees_both_bookings() {
        String email = Accounts.uniqueEmail("member-later");
        String before = bookWithTheKeyboardAlone(email, BookingSteps.checkInAhead(100, 200));

        // An account for the same address: the emailed link used in this browser, then a login here claims the booking.
        browser.open("/register").fill("First name", "Anna").fill("Last name", "Berg").fill("Email address", email).fill("Password", PASSWORD)
                .press("Create my account");
        assertThat(browser.path()).isEqualTo("/register/check-email");
        browser.open(emails.link(email, "email-verification", "/verify-email")).press("Verify my email");
        assertThat(browser.text()).contains("Your email address is verified", "Log in now, in this browser, and those bookings join your account");
        browser.follow("Log in").fill("Email address", email).fill("Password", PASSWORD).press("Log in");
        assertThat(browser.path()).isEqualTo("/account");
        browser.follow("My bookings");
        assertThat(browser.text("table.bookings")).contains(before).contains("Confirmed");

        // Two-factor login on, and the next login through its code step.
        browser.open("/account/two-factor").fill("Your password", PASSWORD).press("Continue");
        String secret = browser.text("code.secret").replace(" ", "");
        browser.fill("6-digit code", Accounts.code(secret, 0)).press("Turn on two-factor login").follow("I have saved my codes");
        assertThat(browser.text()).contains("Two-factor login is on");
        browser.press("Log out").fill("Email address", email).fill("Password", PASSWORD).press("Log in");
        assertThat(browser.path()).isEqualTo("/login/two-factor");
        browser.fill("Code from your app", Accounts.code(secret, 1)).press("Log in");
        assertThat(browser.path()).isEqualTo("/account");

        // Booking logged in: the form filled in from the account; the booking is the account's.
        LocalDate checkIn = BookingSteps.checkInAhead(100, 200);
        browser.open("/?checkIn=" + checkIn + "&checkOut=" + checkIn.plusDays(3) + "&guests=1");
        browser.press(browser.find("form.book-form button").getText());
        assertThat(browser.value("First name")).isEqualTo("Anna");
        assertThat(browser.value("Email address")).isEqualTo(email);
        browser.press("Hold the room and continue").follow("Continue to payment");
        BookingSteps.payWith(browser, BookingSteps.APPROVED_CARD, "Anna Berg");
        assertThat(browser.path()).endsWith("/confirmation");
        String after = browser.text(".reference");

        browser.follow("My bookings");
        assertThat(browser.findAll("table.bookings tbody tr")).hasSize(2);
        assertThat(browser.text("table.bookings")).contains(before, after);
    }

    /**
     * Books the first room offered for two nights from {@code checkIn} for {@code email}, with Tab, typing and Enter only,
     * from the empty search page to the confirmation; the booking's reference.
     */
    private String bookWithTheKeyboardAlone(String email, LocalDate checkIn) {
        browser.open("/");
        var keyboard = browser.keyboard();
        keyboard.tabToField("Check-in").type(checkIn.format(DATE_KEYS)).tabToField("Check-out").type(checkIn.plusDays(2).format(DATE_KEYS));
        assertThat(browser.value("Check-in")).isEqualTo(checkIn.toString());
        assertThat(browser.value("Check-out")).isEqualTo(checkIn.plusDays(2).toString());
        keyboard.tabToText("Search").enterForNextPage();

        keyboard.tabToText(browser.find("form.book-form button").getText()).enterForNextPage();
        assertThat(browser.path()).startsWith("/book?");
        keyboard.tabToField("First name").type("Anna").tabToField("Last name").type("Berg").tabToField("Email address").type(email)
                .tabToText("Hold the room and continue").enterForNextPage();

        assertThat(browser.path()).matches("/bookings/[0-9a-f-]{36}/review");
        keyboard.tabToText("Continue to payment").enterForNextPage();

        keyboard.tabToField("Card number").type(BookingSteps.APPROVED_CARD).tabToField("Expiry date").type(BookingSteps.expiry())
                .tabToField("Security code").type("123").tabToField("Name on the card").type("Anna Berg")
                .tabToText(browser.find("form.card-form button").getText()).enterForNextPage();

        assertThat(browser.path()).endsWith("/confirmation");
        assertThat(browser.text(".confirmed")).contains("Your booking is confirmed");
        return browser.text(".reference");
    }
}
