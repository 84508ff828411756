package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.bootstrap.api.HttpProbe.json;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.bootstrap.api.HttpProbe.Reply;
import com.westbethel.motel.bootstrap.api.SiteBrowser.Page;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * The booking pages of the staff console over HTTP: who gets in (anonymous visitors to the login, guests the 403 page),
 * cancelling from a booking's page under the policy or with the fee waived (the reason required, refused beside its field
 * with nothing changed), a search refused on the page, an unknown booking's 404 page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class StaffBookingPagesIT extends AbstractApiIT {

    SiteBrowser clerk;
    String clerkId;
    String staff;
    String roomTypeId;

    @BeforeEach
    void aClerkLoggedInAndARoomTypeOfTheirOwn() {
        String email = guests.verifiedStaff("pages-clerk");
        clerkId = guests.userId(email);
        clerk = new SiteBrowser(port);
        clerk.logIn(email, Guests.PASSWORD);
        staff = guests.accessToken(email);
        String admin = guests.adminAccessToken();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        roomTypeId = created(http.post("/api/v1/admin/room-types", json(Map.of("name", "Pages " + suffix, "maxOccupancy", 2, "baseRate", "70.00")),
                admin));
        created(http.post("/api/v1/admin/rooms", json(Map.of("roomTypeId", roomTypeId, "number", "P" + suffix, "floor", 7)), admin));
    }

    @Test
    void anonymous_visitors_log_in_first_and_guests_get_the_403_page() {
        String id = paidInCash(400);
        SiteBrowser anonymous = new SiteBrowser(port);
        SiteBrowser guest = new SiteBrowser(port);
        guest.logIn(guests.verifiedGuest("pages-guest"), Guests.PASSWORD);

        for (String path : List.of("/staff/bookings", "/staff/bookings/" + id, "/staff/walk-in")) {
            Page away = anonymous.get(path);
            assertThat(away.status()).as(path).isEqualTo(302);
            assertThat(away.location()).as(path).contains("/login?next=");
            assertThat(guest.get(path).status()).as(path).isEqualTo(403);
        }
        guest.get("/account");
        for (String path : List.of("/staff/bookings/" + id + "/waive", "/staff/bookings/" + id + "/cancel", "/staff/bookings/" + id + "/payments",
                "/staff/walk-in")) {
            assertThat(guest.post(path, Map.of("reason", "a guest tries", "expectedRefund", "140.00 USD", "method", "CASH")).status()).as(path)
                    .isEqualTo(403);
        }
        assertThat(status(id)).isEqualTo("CONFIRMED");
    }

    @Test
    void waiving_the_fee_on_the_page_needs_a_reason_then_refunds_everything_and_audits_it_as_the_clerk() {
        String id = paidInCash(1);
        Page detail = clerk.get("/staff/bookings/" + id);
        assertThat(detail.status()).isEqualTo(200);
        assertThat(detail.text()).contains("Cash at the desk", "At the desk", "Cancel and refund");

        Page refused = clerk.post("/staff/bookings/" + id + "/waive", Map.of("reason", "   "));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.text()).contains("There is a problem", "Give the reason for waiving the cancellation fee.");
        assertThat(status(id)).isEqualTo("CONFIRMED");

        Page waived = clerk.post("/staff/bookings/" + id + "/waive", Map.of("reason", "Road closed by snow"));

        assertThat(waived.status()).isEqualTo(302);
        assertThat(waived.location()).endsWith("/staff/bookings/" + id);
        Page after = clerk.get("/staff/bookings/" + id);
        assertThat(after.text()).contains("cancelled with the fee waived. Refunded 140.00 USD. Give 140.00 USD back in cash at the desk.",
                "BOOKING_CANCELLED_FEE_WAIVED by staff:" + clerkId, "(reason: Road closed by snow)").doesNotContain("Cancel and refund");
        assertThat(status(id)).isEqualTo("CANCELLED");
    }

    @Test
    void cancelling_on_the_page_refunds_what_the_policy_gives_back() {
        String id = paidInCash(300);
        assertThat(clerk.get("/staff/bookings/" + id).text()).contains("Cancelling now costs nothing: 140.00 USD is refunded.");

        Page cancelled = clerk.post("/staff/bookings/" + id + "/cancel", Map.of("expectedRefund", "140.00 USD"));

        assertThat(cancelled.status()).isEqualTo(302);
        assertThat(clerk.get("/staff/bookings/" + id).text()).contains("cancelled. Refunded 140.00 USD.", "BOOKING_CANCELLED by staff:" + clerkId);
        assertThat(status(id)).isEqualTo("CANCELLED");

        // The same form sent again: no failure, and the desk's instruction is on the page from the record, not from a flash.
        clerk.post("/staff/bookings/" + id + "/cancel", Map.of("expectedRefund", "140.00 USD"));
        assertThat(clerk.get("/staff/bookings/" + id).text()).contains("This booking is cancelled already; its refund is shown below.")
                .doesNotContain("Could not cancel");
        assertThat(clerk.get("/staff/bookings/" + id).text()).contains("Give 140.00 USD back in cash at the desk.");
    }

    @Test
    void a_refund_that_changed_since_the_page_was_drawn_cancels_nothing_and_says_the_new_refund() {
        // Inside the 48 hours: the policy keeps the first night (70.00 of 140.00).
        String id = paidInCash(1);
        assertThat(clerk.get("/staff/bookings/" + id).text()).contains("70.00 USD of the 140.00 USD paid is refunded");

        // As a page drawn while the cancellation was still free would send it.
        clerk.post("/staff/bookings/" + id + "/cancel", Map.of("expectedRefund", "140.00 USD"));

        assertThat(clerk.get("/staff/bookings/" + id).text()).contains("The refund is now 70.00 USD (the free-cancellation time ended at ",
                "Nothing was cancelled");
        assertThat(status(id)).isEqualTo("CONFIRMED");
    }

    @Test
    void a_walk_in_is_booked_unpaid_then_paid_for_the_total_shown_and_checked_in_and_each_form_sent_twice_acts_once() {
        LocalDate today = LocalDate.now(motelZone());
        String lastName = "Walk" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> form = Map.of("roomTypeId", roomTypeId, "checkIn", today.toString(), "checkOut", today.plusDays(1).toString(),
                "guests", "1", "firstName", "Ida", "lastName", lastName, "idempotencyKey", UUID.randomUUID().toString());

        assertThat(clerk.get("/staff/walk-in").status()).isEqualTo(200);
        Page booked = clerk.post("/staff/walk-in", form);

        assertThat(booked.status()).isEqualTo(302);
        String id = booked.location().substring(booked.location().lastIndexOf('/') + 1);
        assertThat(clerk.get("/staff/bookings/" + id).text()).contains("Ida %s is booked (".formatted(lastName),
                "Take the payment of 70.00 USD below, then the guest is checked in.");

        // The same form sent again (its Idempotency-Key): one booking, and the answer says so.
        Page again = clerk.post("/staff/walk-in", form);
        assertThat(again.location()).isEqualTo(booked.location());
        assertThat(jdbc.sql("SELECT count(*) FROM bookings WHERE guest_last_name = :name").param("name", lastName).query(Long.class).single())
                .isEqualTo(1L);
        assertThat(payments(id)).as("nothing recorded as paid before the clerk saw the total").isZero();
        assertThat(status(id)).isEqualTo("PENDING_PAYMENT");
        Page detail = clerk.get("/staff/bookings/" + id);
        assertThat(detail.text()).contains("This walk-in was sent already", "Take the payment of 70.00 USD",
                "Record payment of 70.00 USD and check in", "Record payment of 70.00 USD only");

        // A total other than the booking's (a stale page): nothing recorded.
        clerk.post("/staff/bookings/" + id + "/payments", Map.of("method", "CASH", "expectedTotal", "60.00 USD", "then", "check-in"));
        assertThat(clerk.get("/staff/bookings/" + id).text()).contains("The total is 70.00 USD, not the amount shown. Nothing was recorded");
        assertThat(payments(id)).isZero();

        clerk.post("/staff/bookings/" + id + "/payments", Map.of("method", "CASH", "expectedTotal", "70.00 USD", "then", "check-in"));
        assertThat(clerk.get("/staff/bookings/" + id).text()).contains("Paid 70.00 USD in cash and checked in to room ");
        assertThat(status(id)).isEqualTo("CHECKED_IN");

        // The payment form sent twice: said as already paid, recorded once.
        clerk.post("/staff/bookings/" + id + "/payments", Map.of("method", "CASH", "expectedTotal", "70.00 USD", "then", "check-in"));
        assertThat(clerk.get("/staff/bookings/" + id).text()).contains("Already paid: 70.00 USD cash at the desk was recorded at ",
                "Nothing was recorded twice.").doesNotContain("was not recorded");
        assertThat(payments(id)).isEqualTo(1L);
    }

    @Test
    void a_walk_in_starting_on_a_later_day_is_paid_without_a_check_in_and_checked_in_from_its_page_when_it_comes() {
        String id = bookedAtTheDesk(2);
        assertThat(clerk.get("/staff/bookings/" + id).text()).contains("Record payment of 140.00 USD").doesNotContain("and check in");

        clerk.post("/staff/bookings/" + id + "/payments", Map.of("method", "CARD_PRESENT", "expectedTotal", "140.00 USD"));

        assertThat(clerk.get("/staff/bookings/" + id).text()).contains("Paid 140.00 USD by card on the desk's terminal. The booking is confirmed.");
        assertThat(status(id)).isEqualTo("CONFIRMED");
        Page checkIn = clerk.post("/staff/bookings/" + id + "/check-in", Map.of("back", "booking"));
        assertThat(checkIn.location()).as("back to the booking's page").endsWith("/staff/bookings/" + id);
    }

    @Test
    void a_refused_search_and_an_unknown_booking_are_pages_saying_so() {
        Page empty = clerk.get("/staff/bookings?query=%20");
        Page tooLong = clerk.get("/staff/bookings?query=" + "a".repeat(101));
        Page unknown = clerk.get("/staff/bookings/" + UUID.randomUUID());
        Page malformed = clerk.get("/staff/bookings/not-a-booking");

        assertThat(empty.status()).isEqualTo(400);
        assertThat(empty.text()).contains("Enter a booking reference");
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.text()).contains("at most 100 characters");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(malformed.status()).isEqualTo(400);
    }

    private String paidInCash(int daysAhead) {
        String id = bookedAtTheDesk(daysAhead);
        created(http.post("/api/v1/admin/bookings/" + id + "/payments", json(Map.of("method", "CASH")), staff));
        return id;
    }

    private String bookedAtTheDesk(int daysAhead) {
        LocalDate checkIn = LocalDate.now(motelZone()).plusDays(daysAhead);
        Reply booked = http.post("/api/v1/admin/bookings", json(Map.of("roomTypeId", roomTypeId, "checkIn", checkIn.toString(),
                "checkOut", checkIn.plusDays(2).toString(), "guests", 1, "guest", Map.of("firstName", "Per", "lastName", "Dahl"))), staff);
        return created(booked);
    }

    /** The motel's time zone, as its property row says: "today" is the motel's. */
    private ZoneId motelZone() {
        return ZoneId.of(jdbc.sql("SELECT time_zone FROM properties").query(String.class).single());
    }

    private long payments(String id) {
        return jdbc.sql("SELECT count(*) FROM payments WHERE booking_id = :id::uuid").param("id", id).query(Long.class).single();
    }

    private String status(String id) {
        return jdbc.sql("SELECT status FROM bookings WHERE id = :id::uuid").param("id", id).query(String.class).single();
    }

    private static String created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("id").asString();
    }
}
