package com.westbethel.motel.bootstrap.api.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.site.NoScriptBrowser.Page;
import java.net.URI;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.ActiveProfiles;

/**
 * Booking on the website with an account: the form filled in from the profile, the booking under my bookings with the
 * same manage actions as the emailed link, the loyalty page; a booking made without an account joins the account that
 * verifies its address; and my bookings stay the account's own.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class AccountBookingPagesIT {

    private static final ZoneId MOTEL = ZoneId.of("America/New_York");
    private static final String PASSWORD = TestAccounts.PASSWORD;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    NoScriptBrowser browser;
    LocalDate checkIn;

    @BeforeEach
    void aVisitor() {
        browser = new NoScriptBrowser(port);
        checkIn = YearMonth.now(MOTEL).plusMonths(6 + ThreadLocalRandom.current().nextInt(12)).atDay(1 + ThreadLocalRandom.current().nextInt(25));
    }

    @Test
    void my_bookings_and_loyalty_ask_a_visitor_to_log_in_first() {
        assertThat(browser.get("/account/bookings").header("Location")).contains("/login");
        assertThat(browser.get("/account/loyalty").header("Location")).contains("/login");
        assertThat(browser.get("/account/bookings/" + UUID.randomUUID()).header("Location")).contains("/login");
    }

    @Test
    void a_logged_in_guest_books_with_the_form_filled_in_pays_and_manages_the_booking_from_my_bookings() {
        String email = verifiedAccount("kari");
        logIn(email);

        Page form = bookForm("Queen Room");
        assertThat(form.html().selectFirst("#firstName").val()).isEqualTo("Kari");
        assertThat(form.html().selectFirst("#lastName").val()).isEqualTo("Holm");
        assertThat(form.html().selectFirst("#email").val()).isEqualTo(email);
        String review = URI.create(browser.submit(form.form("form[action=/book]"), Map.of()).header("Location")).getPath();
        Page pay = browser.get(review.replace("/review", "/pay"));
        Page paid = browser.submit(pay.form("form.card-form"), Map.of("cardNumber", "4242 4242 4242 4242", "expiry",
                "01/" + (LocalDate.now().getYear() % 100 + 3), "cvc", "123", "nameOnCard", "Kari Holm"));
        assertThat(URI.create(paid.header("Location")).getPath()).endsWith("/confirmation");

        Page mine = browser.get("/account/bookings");
        assertThat(mine.status()).isEqualTo(200);
        Element row = mine.html().selectFirst("table.bookings tbody tr");
        assertThat(row.text()).contains("Queen Room").contains("Confirmed");
        Page booking = browser.get(row.selectFirst("a").attr("href"));
        assertThat(booking.html().text()).contains("Status: Confirmed");
        String bookingPath = URI.create(row.selectFirst("a").attr("href")).getPath();
        assertThat(browser.get(bookingPath + "/booking.ics").header("Content-Type")).startsWith("text/calendar");
        Page loyalty = browser.get("/account/loyalty");
        assertThat(loyalty.html().selectFirst(".panel").text()).matches("You have [1-9][0-9,]* points: .* tier\\..*");
        assertThat(loyalty.html().select("tbody tr")).hasSize(1);

        Page quote = browser.get(bookingPath + "/cancel");
        Page cancelled = browser.submit(quote.form("form[action$=/cancel]"), Map.of());

        assertThat(cancelled.html().text()).contains("is cancelled").contains("We are refunding");
        assertThat(browser.get("/account/bookings").html().selectFirst("table.bookings tbody tr").text()).contains("Cancelled");
        assertThat(browser.get("/account/loyalty").html().selectFirst(".panel").text()).startsWith("You have 0 points");
    }

    @Test
    void a_booking_made_without_an_account_joins_the_account_verified_and_logged_into_in_one_browser_and_no_other_account_sees_it() {
        String email = "later-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Page form = bookForm("King Room");
        browser.submit(form.form("form[action=/book]"), Map.of("firstName", "Lea", "lastName", "Moor", "email", email));

        String token = TestAccounts.registered(port, jdbc, email);
        NoScriptBrowser lea = new NoScriptBrowser(port);
        Page landing = lea.get("/verify-email?token=" + token);
        assertThat(lea.submit(landing.form("form[action=/verify-email]"), Map.of()).status()).isLessThan(400);
        logIn(lea, email);
        Page mine = lea.get("/account/bookings");
        String bookingPath = URI.create(mine.html().selectFirst("table.bookings tbody a").attr("href")).getPath();

        assertThat(mine.html().selectFirst("table.bookings tbody tr").text()).contains("King Room").contains("Held, waiting for payment");
        NoScriptBrowser someoneElse = new NoScriptBrowser(port);
        logIn(someoneElse, verifiedAccount("other"));
        assertThat(someoneElse.get(bookingPath).status()).isEqualTo(404);
        assertThat(someoneElse.get("/account/bookings").html().select("table.bookings")).isEmpty();
    }

    // Steps

    private Page bookForm(String roomType) {
        return browser.bookingForm(roomType, checkIn, checkIn.plusDays(2));
    }

    private void logIn(String email) {
        logIn(browser, email);
    }

    private static void logIn(NoScriptBrowser who, String email) {
        Page login = who.get("/login");
        Page in = who.submit(login.form("form[action=/login]"), Map.of("email", email, "password", PASSWORD));
        assertThat(in.status()).as("login of " + email).isEqualTo(302);
    }

    /** A new account (Kari Holm) whose address is verified, as the API's sign-up and the emailed token make it. */
    private String verifiedAccount(String prefix) {
        String email = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        verified(email);
        return email;
    }

    private void verified(String email) {
        TestAccounts.verified(port, jdbc, email);
    }
}
