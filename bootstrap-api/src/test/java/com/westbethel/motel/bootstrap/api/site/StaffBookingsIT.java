package com.westbethel.motel.bootstrap.api.site;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe;
import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import com.westbethel.motel.bootstrap.api.site.StaffClerks.Clerk;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;

/**
 * The walk-in screen and the booking search and detail in a real Chromium: a clerk logged in with two-factor books a walk-in
 * through /staff/walk-in (a form sent incomplete first, each error named), paying in cash and checked in at once; then finds
 * the booking on /staff/bookings by the guest's last name and opens its page, which shows the payment, the check-in and the
 * history. Each page held to the quality bars (axe-core included), and used at 390 px without scrolling sideways.
 */
class StaffBookingsIT extends AbstractSiteIT {

    private static final int PHONE = 390;

    @Value("${motel.admin.email}")
    String adminEmail;

    @Value("${motel.admin.password}")
    String adminPassword;

    Clerk clerk;
    String roomTypeName;
    String roomNumber;

    /** A clerk enrolled in two-factor login, and a room type of this test's own with one room. */
    @BeforeEach
    void aClerkAndARoom() {
        clerk = StaffClerks.enrolled(port, jdbc, "walk-in-clerk");
        HttpProbe http = new HttpProbe(port);
        String admin = http.post("/api/v1/auth/login", json(Map.of("email", adminEmail, "password", adminPassword))).json().path("accessToken")
                .asString();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        roomTypeName = "Desk " + suffix;
        String roomType = created(http.post("/api/v1/admin/room-types", json(Map.of("name", roomTypeName, "maxOccupancy", 2, "baseRate", "85.00")),
                admin));
        roomNumber = "D" + suffix;
        created(http.post("/api/v1/admin/rooms", json(Map.of("roomTypeId", roomType, "number", roomNumber, "floor", 2)), admin));
    }

    @Test
    void a_clerk_books_a_walk_in_paid_in_cash_and_checked_in_then_finds_it_by_name_and_opens_its_page() {
        String lastName = "Lind" + UUID.randomUUID().toString().substring(0, 4);
        StaffClerks.logIn(browser, clerk, "/staff/walk-in");
        assertThat(browser.title()).isEqualTo("Walk-in - Staff - West Bethel Motel");
        browser.assertPageBars("staff-walk-in");
        browser.atWidth(PHONE);
        assertFitsWidth("staff-walk-in");
        browser.atWidth(1280);

        // Sent without a room type or a last name: named, what was typed kept, nothing booked.
        browser.fill("First name", "Nora").press("Book the room");
        assertThat(browser.path()).isEqualTo("/staff/walk-in");
        assertThat(browser.text(".error-summary")).contains("Choose a room type.");
        assertThat(browser.messageFor("Room type")).contains("Choose a room type.");
        assertThat(browser.value("First name")).isEqualTo("Nora");
        browser.assertPageBars("staff-walk-in-refused");

        // Booked: the booking's page shows the total before anything is recorded as paid.
        browser.choose("Room type", roomTypeName + " (up to 2)").fill("Last name", lastName).press("Book the room");
        assertThat(browser.path()).startsWith("/staff/bookings/");
        String bookingId = browser.path().substring("/staff/bookings/".length());
        String reference = jdbc.sql("SELECT reference FROM bookings WHERE id = :id::uuid").param("id", bookingId).query(String.class).single();
        assertThat(browser.text("[role=status]")).isEqualTo("Nora %s is booked (%s, room %s). Take the payment of 85.00 USD below, then the guest is checked in."
                .formatted(lastName, reference, roomNumber));
        assertThat(jdbc.sql("SELECT count(*) FROM payments WHERE booking_id = :id::uuid").param("id", bookingId).query(Long.class).single()).isZero();
        browser.assertPageBars("staff-booking-unpaid");

        // The money taken in cash, recorded and checked in with one button.
        browser.check("Cash").press("Record payment of 85.00 USD and check in");
        assertThat(browser.path()).isEqualTo("/staff/bookings/" + bookingId);
        assertThat(browser.text("[role=status]")).isEqualTo("Paid 85.00 USD in cash and checked in to room %s.".formatted(roomNumber));
        assertThat(jdbc.sql("SELECT b.status || ' ' || p.method || ' ' || p.status FROM bookings b JOIN payments p ON p.booking_id = b.id "
                + "WHERE b.id = :id::uuid").param("id", bookingId).query(String.class).single()).isEqualTo("CHECKED_IN CASH SUCCEEDED");
        assertThat(jdbc.sql("SELECT DISTINCT actor FROM audit_log WHERE entity_type = 'booking' AND entity_id = :id").param("id", bookingId)
                .query(String.class).list()).containsExactly("staff:" + clerk.id());

        // The search: by the guest's last name, the booking's card, its link to the page.
        browser.follow("Bookings");
        assertThat(browser.path()).isEqualTo("/staff/bookings");
        browser.fill("Find a booking", lastName.toLowerCase()).press("Search");
        assertThat(browser.text("#results-heading")).isEqualTo("1 booking found");
        assertThat(browser.find("li[data-reference='" + reference + "']").getText()).contains("Nora " + lastName, "Room " + roomNumber, "Checked in");
        browser.assertPageBars("staff-bookings");
        browser.atWidth(PHONE);
        assertFitsWidth("staff-bookings");
        browser.atWidth(1280);

        browser.follow(reference);
        assertThat(browser.path()).isEqualTo("/staff/bookings/" + bookingId);
        assertThat(browser.title()).isEqualTo("Booking - Staff - West Bethel Motel");
        assertThat(browser.text("h1")).contains("Booking " + reference, "Checked in");
        assertThat(browser.text()).contains(roomNumber + ", " + roomTypeName, "85.00 USD, Cash at the desk", "No email: the guest gave no address.",
                "BOOKING_HELD by staff:" + clerk.id(), "PAYMENT_SUCCEEDED", "BOOKING_CHECKED_IN");
        browser.assertPageBars("staff-booking");
        browser.atWidth(PHONE);
        assertFitsWidth("staff-booking");
        browser.atWidth(1280);
    }

    /** Nothing wider than the phone: the page never scrolls sideways. */
    private void assertFitsWidth(String page) {
        Number scrollWidth = (Number) browser.driver().executeScript("return document.documentElement.scrollWidth");
        assertThat(scrollWidth.intValue()).as("the width %s takes at %d px", page, PHONE).isLessThanOrEqualTo(PHONE);
    }

    private static String created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("id").asString();
    }
}
