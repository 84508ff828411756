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
 * Booking on the website without an account, as a browser without JavaScript does it: the details form, the hold and
 * its extensions, the card (refused, declined, paid), the confirmation, and managing the booking from its link; and
 * every page of it refused to anyone who is not the booking's holder.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class BookingFlowIT {

    private static final ZoneId MOTEL = ZoneId.of("America/New_York");

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    NoScriptBrowser guest;
    LocalDate checkIn;

    @BeforeEach
    void aGuestOnTheSite() {
        guest = new NoScriptBrowser(port);
        // Far enough ahead that the free-cancellation window is open, and different each run.
        checkIn = YearMonth.now(MOTEL).plusMonths(6 + ThreadLocalRandom.current().nextInt(12)).atDay(1 + ThreadLocalRandom.current().nextInt(25));
    }

    @Test
    void the_details_form_carries_the_offer_and_a_fresh_key_and_refuses_bad_details_beside_their_fields_keeping_them() {
        Page form = bookForm("Queen Room");

        assertThat(form.status()).isEqualTo(200);
        assertThat(form.html().selectFirst("#firstName").attr("autocomplete")).isEqualTo("given-name");
        assertThat(form.html().selectFirst("#lastName").attr("autocomplete")).isEqualTo("family-name");
        assertThat(form.html().selectFirst("#email").attr("autocomplete")).isEqualTo("email");
        assertThat(form.html().selectFirst("#phone").attr("autocomplete")).isEqualTo("tel");
        assertThat(form.html().select("label[for=phone]").text()).isEqualTo("Phone number (optional)");
        String key = form.html().selectFirst("input[name=idempotencyKey]").val();
        assertThat(UUID.fromString(key)).isNotNull();
        assertThat(bookForm("Queen Room").html().selectFirst("input[name=idempotencyKey]").val()).as("one key per form drawn").isNotEqualTo(key);
        assertThat(form.html().selectFirst(".offer-summary").text()).contains("Queen Room").contains("Total");

        Page refused = guest.submit(form.form("form[action=/book]"), Map.of("firstName", "", "lastName", "Berg", "email", "not-an-address"));

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.errorFor("firstName")).isNotBlank();
        assertThat(refused.errorFor("email")).isNotBlank();
        assertThat(refused.html().selectFirst("#lastName").val()).isEqualTo("Berg");
        assertThat(refused.html().selectFirst("#email").val()).isEqualTo("not-an-address");
        assertThat(refused.html().select(".error-summary a[href=#email]")).hasSize(1);
        assertThat(refused.html().selectFirst("input[name=idempotencyKey]").val()).as("nothing held: a new key").isNotEqualTo(key);
    }

    @Test
    void sending_the_form_twice_holds_one_room_and_only_this_session_sees_the_hold() {
        Page form = bookForm("King Room");
        Element details = form.form("form[action=/book]");
        Map<String, String> anna = Map.of("firstName", "Anna", "lastName", "Berg", "email", uniqueEmail("anna"));

        Page first = guest.submit(details, anna);
        Page again = guest.submit(details, anna);

        assertThat(first.status()).isEqualTo(302);
        assertThat(path(first)).matches("/bookings/[0-9a-f-]{36}/review");
        assertThat(path(again)).as("the same Idempotency-Key: the same booking").isEqualTo(path(first));
        Page review = guest.follow(first);
        assertThat(review.status()).isEqualTo(200);
        assertThat(review.html().selectFirst(".hold").text()).contains("Held until").contains("unpaid");
        assertThat(Long.parseLong(review.html().selectFirst("#hold-status").attr("data-seconds-left"))).isBetween(800L, 900L);
        assertThat(review.html().selectFirst("#hold-status").attr("aria-live")).isEqualTo("polite");
        assertThat(review.html().selectFirst(".stay").text()).contains("King Room").contains("Anna Berg");
        assertThat(review.html().select("form[action$=/extend] button").text()).isEqualTo("Extend hold");
        assertThat(review.html().selectFirst("form[action$=/extend]").hasAttr("hidden")).as("until the hold's last 5 minutes").isTrue();
        assertThat(review.html().selectFirst(".hold .hint").text()).matches("You may extend it twice more, in its last 5 minutes: from "
                + "\\d{1,2}:\\d\\d [AP]M E[DS]T\\.");

        NoScriptBrowser stranger = new NoScriptBrowser(port);
        for (String page : new String[] {"/review", "/pay", "/confirmation"}) {
            Page refused = stranger.get(path(first).replace("/review", page));
            assertThat(refused.status()).as(page).isEqualTo(404);
            assertThat(refused.html().text()).doesNotContain("Anna");
        }
        assertThat(stranger.get("/bookings/" + UUID.randomUUID() + "/review").status()).isEqualTo(404);
    }

    @Test
    void a_hold_extends_in_its_last_minutes_until_the_cap_then_the_page_says_no_more_without_javascript() {
        String review = hold("Queen Room");
        Page page = guest.get(review);

        Page early = guest.submit(page.form("form[action$=/extend]"), Map.of());
        assertThat(early.status()).as("fifteen minutes left: too early").isEqualTo(409);
        assertThat(early.html().selectFirst(".hold [role=alert]").text()).matches("You can extend the hold in its last 5 minutes; it runs until "
                + "\\d{1,2}:\\d\\d [AP]M E[DS]T\\.");
        assertThat(early.html().selectFirst(".hold .hint").text()).as("nothing used up").startsWith("You may extend it twice more");

        nearlyOver(review);
        Page inTime = guest.get(review);
        assertThat(inTime.html().selectFirst("form[action$=/extend]").hasAttr("hidden")).as("in the last minutes: shown").isFalse();
        Page once = guest.follow(guest.submit(inTime.form("form[action$=/extend]"), Map.of()));
        Page doubleClick = guest.submit(inTime.form("form[action$=/extend]"), Map.of());
        nearlyOver(review);
        Page twice = guest.follow(guest.submit(guest.get(review).form("form[action$=/extend]"), Map.of()));

        assertThat(once.html().selectFirst(".notice").text()).startsWith("Your room is now held until ");
        assertThat(once.html().selectFirst(".hold").text()).contains("You may extend it once more, in its last 5 minutes");
        assertThat(doubleClick.status()).as("the second click of a double click counts nothing").isEqualTo(409);
        assertThat(twice.html().select("form[action$=/extend]")).as("no button at the cap").isEmpty();
        assertThat(twice.html().selectFirst(".hold").text()).contains("You have extended this hold twice, as often as it may be.");

        nearlyOver(review);
        Page third = guest.submit(page.form("form[action$=/extend]"), Map.of());
        assertThat(third.status()).isEqualTo(409);
        assertThat(third.html().selectFirst(".hold [role=alert]").text()).contains("already extended 2 times");
    }

    /** The real clock runs: the hold is brought to its last minute rather than waited for. */
    private void nearlyOver(String review) {
        jdbc.sql("UPDATE bookings SET hold_expires_at = now() + interval '1 minute' WHERE id = :id")
                .param("id", UUID.fromString(review.split("/")[2])).update();
    }

    @Test
    void a_refused_or_declined_card_keeps_the_hold_and_never_comes_back_in_the_page_then_the_test_card_pays() {
        String review = hold("Double Queen");
        String bookingId = review.split("/")[2];
        Page pay = guest.get(review.replace("/review", "/pay"));
        assertThat(pay.status()).isEqualTo(200);
        assertThat(pay.html().selectFirst("#cardNumber").attr("autocomplete")).isEqualTo("cc-number");
        assertThat(pay.html().selectFirst("#expiry").attr("autocomplete")).isEqualTo("cc-exp");
        assertThat(pay.html().selectFirst("#cvc").attr("autocomplete")).isEqualTo("cc-csc");
        assertThat(pay.html().selectFirst("#nameOnCard").attr("autocomplete")).isEqualTo("cc-name");
        String payLabel = pay.html().selectFirst("form.card-form button").text();
        assertThat(payLabel).matches("Pay \\$[0-9,]+\\.\\d\\d");

        Page mistyped = guest.submit(pay.form("form.card-form"), card("4242 4242 4242 4241", "12/20"));
        Page realCard = guest.submit(pay.form("form.card-form"), card("4111 1111 1111 1111", "12/" + (LocalDate.now().getYear() % 100 + 2)));
        Page declined = guest.submit(pay.form("form.card-form"), card("4000 0000 0000 0002", "12/" + (LocalDate.now().getYear() % 100 + 2)));

        assertThat(mistyped.status()).isEqualTo(400);
        assertThat(mistyped.errorFor("cardNumber")).isEqualTo("Check the card number: it is not a valid card number.");
        assertThat(mistyped.errorFor("expiry")).isEqualTo("This card has expired: use a card that is still valid.");
        assertThat(mistyped.html().selectFirst("#cardNumber").val()).as("never written back").isEmpty();
        assertThat(mistyped.html().selectFirst("#cvc").val()).isEmpty();
        assertThat(mistyped.html().selectFirst("#nameOnCard").val()).isEqualTo("Anna Berg");
        assertThat(mistyped.body()).doesNotContain("4242 4242 4242 4241").doesNotContain("4242424242424241");
        assertThat(realCard.errorFor("cardNumber")).startsWith("This is a test site: only the sandbox's test cards work here");
        assertThat(declined.status()).isEqualTo(402);
        assertThat(declined.errorFor("cardNumber")).startsWith("Your card was declined: ").contains("your room is still held until");
        assertThat(declined.html().selectFirst("#cardNumber").val()).isEmpty();
        assertThat(declined.html().selectFirst("#cvc").val()).isEmpty();
        assertThat(status(bookingId)).isEqualTo("PENDING_PAYMENT");

        Page paid = guest.submit(declined.form("form.card-form"), card("4242 4242 4242 4242", "12/" + (LocalDate.now().getYear() % 100 + 2)));

        assertThat(paid.status()).isEqualTo(302);
        assertThat(path(paid)).isEqualTo("/bookings/" + bookingId + "/confirmation");
        Page confirmation = guest.follow(paid);
        assertThat(confirmation.status()).isEqualTo(200);
        assertThat(confirmation.html().selectFirst(".reference").text()).matches("WB-[A-Z2-9]{6}");
        assertThat(confirmation.html().text()).contains("Paid: " + payLabel.substring("Pay ".length()));
        assertThat(confirmation.header("Cache-Control")).isEqualTo("no-store");
        assertThat(confirmation.html().selectFirst("a.manage-link").attr("href")).contains("/manage/");
        assertThat(status(bookingId)).isEqualTo("CONFIRMED");
        assertThat(path(guest.get(review))).as("paid: the review goes on to the confirmation").endsWith("/confirmation");
        assertThat(jdbc.sql("SELECT count(*) FROM payments WHERE booking_id = :id AND status = 'DECLINED'").param("id", UUID.fromString(bookingId))
                .query(Long.class).single()).isEqualTo(1);
    }

    // Review, finding 4: a second submit while the first is being charged once showed a 409 and a fresh card form.
    @Test
    void a_second_submit_while_the_first_is_being_charged_shows_a_page_that_waits_for_the_outcome_and_lands_on_the_confirmation() {
        String review = hold("Double Queen");
        UUID bookingId = UUID.fromString(review.split("/")[2]);
        Page pay = guest.get(review.replace("/review", "/pay"));
        // The first submit: its payment is PENDING while the processor charges the card.
        UUID first = UUID.randomUUID();
        jdbc.sql("""
                        INSERT INTO payments (id, booking_id, amount, currency, status, gateway_key, created_at)
                        SELECT :id, id, total, currency, 'PENDING', :key, now() FROM bookings WHERE id = :booking
                        """).param("id", first).param("key", "charge:" + first).param("booking", bookingId).update();

        Page second = guest.submit(pay.form("form.card-form"), card("4242 4242 4242 4242", "12/" + (LocalDate.now().getYear() % 100 + 2)));

        assertThat(second.status()).isEqualTo(503);
        assertThat(second.header("Retry-After")).isNotBlank();
        assertThat(second.html().selectFirst("h1").text()).isEqualTo("Your payment is being processed");
        assertThat(second.html().select("form.card-form")).as("no new card form").isEmpty();
        assertThat(second.html().selectFirst("meta[http-equiv=refresh]").attr("content")).endsWith("url=/bookings/" + bookingId + "/processing");
        assertThat(path(guest.get(review.replace("/review", "/pay")))).as("no card form while a payment is pending")
                .isEqualTo("/bookings/" + bookingId + "/processing");
        assertThat(guest.get("/bookings/" + bookingId + "/processing").status()).isEqualTo(200);
        // The hold's time runs out meanwhile: the room stays held for the payment, and the page says so.
        jdbc.sql("UPDATE bookings SET hold_expires_at = now() - interval '1 minute' WHERE id = :id").param("id", bookingId).update();
        assertThat(guest.get(review).html().selectFirst(".hold h2").text()).isEqualTo("Your payment is being processed");
        assertThat(guest.get(review).html().select("#hold-status")).as("no countdown to an end").isEmpty();

        // The first submit's outcome is recorded.
        jdbc.sql("UPDATE payments SET status = 'SUCCEEDED', gateway_reference = 'sandbox_ch_first', completed_at = now() WHERE id = :id")
                .param("id", first).update();
        jdbc.sql("UPDATE bookings SET status = 'CONFIRMED' WHERE id = :id").param("id", bookingId).update();

        assertThat(path(guest.get("/bookings/" + bookingId + "/processing"))).isEqualTo("/bookings/" + bookingId + "/confirmation");
        assertThat(jdbc.sql("SELECT count(*) FROM payments WHERE booking_id = :id").param("id", bookingId).query(Long.class).single())
                .as("the second submit charged nothing").isEqualTo(1);
    }

    @Test
    void a_card_sent_after_the_hold_ended_is_refused_on_the_page_and_the_page_says_the_hold_has_ended() {
        String review = hold("Queen Room");
        Page pay = guest.get(review.replace("/review", "/pay"));
        jdbc.sql("UPDATE bookings SET hold_expires_at = now() - interval '1 minute' WHERE id = :id").param("id", UUID.fromString(review.split("/")[2]))
                .update();

        Page late = guest.submit(pay.form("form.card-form"), card("4242 4242 4242 4242", "01/" + (LocalDate.now().getYear() % 100 + 3)));

        assertThat(late.status()).isEqualTo(409);
        assertThat(late.html().selectFirst("main > .error-summary").text()).isNotBlank();
        assertThat(late.html().select("form.card-form")).isEmpty();
        assertThat(late.html().selectFirst(".hold h2").text()).isEqualTo("This hold has ended");
        assertThat(path(guest.get(review.replace("/review", "/pay")))).as("no card form for an ended hold").isEqualTo(review);
        assertThat(status(review.split("/")[2])).isEqualTo("PENDING_PAYMENT");
    }

    @Test
    void the_manage_link_shows_the_booking_its_calendar_entry_and_cancels_it_with_the_refund_the_policy_gives() {
        String manage = paidManageLink("King Room");
        NoScriptBrowser elsewhere = new NoScriptBrowser(port);

        Page booking = elsewhere.get(manage);
        Page ics = elsewhere.get(manage + "/booking.ics");
        Page quote = elsewhere.get(manage + "/cancel");

        assertThat(booking.status()).isEqualTo(200);
        assertThat(booking.header("Referrer-Policy")).isEqualTo("no-referrer");
        assertThat(booking.header("Cache-Control")).isEqualTo("no-store");
        assertThat(booking.html().text()).contains("Status: Confirmed").contains("Paid");
        assertThat(ics.status()).isEqualTo(200);
        assertThat(ics.header("Content-Type")).startsWith("text/calendar");
        assertThat(ics.header("Content-Disposition")).startsWith("attachment").contains(".ics");
        assertThat(ics.body()).startsWith("BEGIN:VCALENDAR");
        String total = booking.html().selectFirst("tr.total td").text();
        assertThat(quote.html().selectFirst("form[action$=/cancel] button").text()).isEqualTo("Cancel and refund " + total);

        Page cancelled = elsewhere.submit(quote.form("form[action$=/cancel]"), Map.of());

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.html().text()).contains("is cancelled").contains("We are refunding " + total);
        Page after = elsewhere.get(manage);
        assertThat(after.html().text()).contains("Status: Cancelled").contains("Refunded");
        assertThat(after.html().select("a[href$=/cancel]")).isEmpty();
    }

    @Test
    void a_cancellation_confirmed_for_a_refund_that_is_no_longer_the_one_given_cancels_nothing_and_asks_again() {
        String review = hold("Queen Room");
        String bookingId = review.split("/")[2];
        String manage = paidManageLinkOf(review);
        Page quote = guest.get(manage + "/cancel");
        String total = quote.html().selectFirst("tr.total td").text();
        assertThat(quote.html().selectFirst("input[name=expectedRefund]").val()).as("the refund shown, sent with the confirmation").isEqualTo(total);

        // As if the page had been drawn under other terms: the refund confirmed is not the one cancelling now gives.
        Page stale = guest.submit(quote.form("form[action$=/cancel]"), Map.of("expectedRefund", "$1.00"));

        assertThat(stale.status()).isEqualTo(409);
        assertThat(stale.html().selectFirst(".panel [role=alert]").text())
                .isEqualTo("The refund is now " + total + ", not the $1.00 shown. Nothing has been cancelled: confirm again to cancel for " + total + ".");
        assertThat(status(bookingId)).isEqualTo("CONFIRMED");
        assertThat(stale.html().selectFirst("form[action$=/cancel] button").text()).isEqualTo("Cancel and refund " + total);

        Page cancelled = guest.submit(stale.form("form[action$=/cancel]"), Map.of());

        assertThat(cancelled.status()).isEqualTo(200);
        assertThat(cancelled.html().text()).contains("is cancelled").contains("We are refunding " + total);
        assertThat(status(bookingId)).isEqualTo("CANCELLED");
    }

    @Test
    void a_tampered_or_unknown_manage_link_gets_a_page_saying_so_and_nothing_of_any_booking() {
        String manage = paidManageLink("Queen Room");
        String tampered = manage.substring(0, manage.length() - 2) + (manage.endsWith("A") ? "BB" : "AA");

        for (String path : new String[] {tampered, "/manage/not-a-token", tampered + "/cancel"}) {
            Page refused = new NoScriptBrowser(port).get(path);
            assertThat(refused.status()).as(path).isEqualTo(404);
            assertThat(refused.html().selectFirst("h1").text()).isEqualTo("This link does not work");
            assertThat(refused.header("Referrer-Policy")).isEqualTo("no-referrer");
            assertThat(refused.html().text()).doesNotContain("Anna");
        }
        assertThat(new NoScriptBrowser(port).get(tampered + "/booking.ics").status()).isEqualTo(404);
    }

    // Steps

    private Page bookForm(String roomType) {
        return guest.bookingForm(roomType, checkIn, checkIn.plusDays(2));
    }

    /** Holds the room as a guest without an account; the path of the review page. */
    private String hold(String roomType) {
        Page form = bookForm(roomType);
        Page held = guest.submit(form.form("form[action=/book]"), Map.of("firstName", "Anna", "lastName", "Berg", "email", uniqueEmail("anna")));
        assertThat(held.status()).isEqualTo(302);
        return path(held);
    }

    /** Holds the room and pays with the test card; the path of the manage link the confirmation page gives. */
    private String paidManageLink(String roomType) {
        return paidManageLinkOf(hold(roomType));
    }

    /** Pays for the hold whose review page is given with the test card; the path of the manage link. */
    private String paidManageLinkOf(String review) {
        Page pay = guest.get(review.replace("/review", "/pay"));
        Page confirmation = guest.follow(guest.submit(pay.form("form.card-form"), card("4242424242424242", "01/" + (LocalDate.now().getYear() % 100 + 3))));
        return URI.create(confirmation.html().selectFirst("a.manage-link").attr("href")).getPath();
    }

    /** Where a redirect goes, as a path of the site. */
    private static String path(Page redirect) {
        return URI.create(redirect.header("Location")).getPath();
    }

    private static Map<String, String> card(String number, String expiry) {
        return Map.of("cardNumber", number, "expiry", expiry, "cvc", "123", "nameOnCard", "Anna Berg");
    }

    private String status(String bookingId) {
        return jdbc.sql("SELECT status FROM bookings WHERE id = :id").param("id", UUID.fromString(bookingId)).query(String.class).single();
    }

    private static String uniqueEmail(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
