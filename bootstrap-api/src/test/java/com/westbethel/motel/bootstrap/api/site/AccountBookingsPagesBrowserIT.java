package com.westbethel.motel.bootstrap.api.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The booking pages a logged-in guest sees, in Chromium and held to the bars: the booking form filled in from the
 * profile, my bookings, a booking's page with its manage actions, the loyalty page; and the page a broken manage link
 * gets.
 */
class AccountBookingsPagesBrowserIT extends AbstractSiteIT {

    private static final String PASSWORD = TestAccounts.PASSWORD;

    @Test
    void a_logged_in_guest_books_filled_in_and_finds_the_booking_and_the_points_under_the_account() {
        String email = "mine-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        verified(email);
        browser.open("/login").fill("Email address", email).fill("Password", PASSWORD).press("Log in");
        LocalDate checkIn = BookingSteps.checkInAhead(120, 200);
        browser.open("/?checkIn=" + checkIn + "&checkOut=" + checkIn.plusDays(3) + "&guests=2");
        browser.press(browser.find("form.book-form button").getText());

        assertThat(browser.value("First name")).isEqualTo("Kari");
        assertThat(browser.value("Last name")).isEqualTo("Holm");
        assertThat(browser.value("Email address")).isEqualTo(email);
        browser.press("Hold the room and continue").follow("Continue to payment");
        BookingSteps.payWith(browser, BookingSteps.APPROVED_CARD, "Kari Holm");
        String reference = browser.text(".reference");

        browser.open("/account/bookings");
        assertThat(browser.text("table.bookings")).contains(reference).contains("Confirmed");
        browser.assertPageBars("my-bookings");
        browser.follow(reference);
        assertThat(browser.text("main")).contains("Status: Confirmed").contains("Add to my calendar (.ics)");
        browser.assertPageBars("my-booking");
        browser.open("/account/loyalty");
        assertThat(browser.text(".panel")).startsWith("You have ").contains("points");
        browser.assertPageBars("loyalty");
    }

    @Test
    void a_broken_manage_link_gets_a_page_that_says_so() {
        browser.open("/manage/not-a-real-token");

        assertThat(browser.text("h1")).isEqualTo("This link does not work");
        browser.assertPageBars("manage-link-broken");
    }

    private void verified(String email) {
        TestAccounts.verified(port, jdbc, email);
    }
}
