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
        assertThat(guest.post("/staff/bookings/" + id + "/waive", Map.of("reason", "a guest tries")).status()).isEqualTo(403);
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

        Page cancelled = clerk.post("/staff/bookings/" + id + "/cancel", Map.of());

        assertThat(cancelled.status()).isEqualTo(302);
        assertThat(clerk.get("/staff/bookings/" + id).text()).contains("cancelled. Refunded 140.00 USD.", "BOOKING_CANCELLED by staff:" + clerkId);
        assertThat(status(id)).isEqualTo("CANCELLED");
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
        LocalDate checkIn = LocalDate.now(ZoneId.of("America/New_York")).plusDays(daysAhead);
        Reply booked = http.post("/api/v1/admin/bookings", json(Map.of("roomTypeId", roomTypeId, "checkIn", checkIn.toString(),
                "checkOut", checkIn.plusDays(2).toString(), "guests", 1, "guest", Map.of("firstName", "Per", "lastName", "Dahl"))), staff);
        String id = created(booked);
        created(http.post("/api/v1/admin/bookings/" + id + "/payments", json(Map.of("method", "CASH")), staff));
        return id;
    }

    private String status(String id) {
        return jdbc.sql("SELECT status FROM bookings WHERE id = :id::uuid").param("id", id).query(String.class).single();
    }

    private static String created(Reply reply) {
        assertThat(reply.status()).as(reply.body()).isEqualTo(201);
        return reply.json().path("id").asString();
    }
}
