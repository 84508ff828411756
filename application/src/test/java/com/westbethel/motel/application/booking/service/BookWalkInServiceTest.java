package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.TODAY;
import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static com.westbethel.motel.application.booking.service.BookingFixture.aRoomType;
import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static com.westbethel.motel.application.booking.service.DeskConsole.aWalkIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.Refusal.FieldError;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BookWalkInServiceTest {

    private final BookingFixture motel = BookingFixture.withQueenRooms(3);
    private final DeskConsole desk = new DeskConsole(motel);
    private final Actor clerk = motel.staff("Sam");

    @Test
    void a_walk_in_without_an_email_is_held_tonight_for_no_account_audited_as_the_clerk_and_counted_for_the_front_desk() {
        // when
        BookingView held = succeeded(desk.book(aWalkIn(clerk).guest("Mia", "Holm", "  ")));

        // then
        assertThat(held.status()).isEqualTo(BookingStatus.PENDING_PAYMENT);
        assertThat(held.checkIn()).isEqualTo(TODAY);
        assertThat(held.account()).as("never the clerk's account").isEmpty();
        assertThat(held.guest().firstName()).isEqualTo("Mia");
        assertThat(held.guest().lastName()).isEqualTo("Holm");
        assertThat(held.guest().email()).isEmpty();
        assertThat(held.roomNumber()).isEqualTo("101");
        assertThat(motel.stored(held).account()).isEmpty();
        AuditEntry audited = motel.auditLog.entries().get(motel.auditLog.entries().size() - 1);
        assertThat(audited.action()).isEqualTo("BOOKING_HELD");
        assertThat(audited.actor()).isEqualTo("staff:" + clerk.account().orElseThrow());
        assertThat(audited.after()).containsEntry("account", "");
        assertThat(motel.metrics.recorded()).containsExactly("booking created FRONT_DESK");
    }

    @Test
    void the_guests_names_are_required_and_an_email_given_must_be_one_every_fault_named() {
        // when
        Refusal refused = refusal(desk.book(aWalkIn(clerk).guest(" ", "", "not an address")));

        // then
        assertThat(refused.kind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(refused.errors()).extracting(FieldError::field).containsExactly("guest.firstName", "guest.lastName", "guest.email");
        assertThat(motel.bookings.all(0, 10)).isEmpty();
        assertThat(motel.metrics.recorded()).isEmpty();
    }

    @Test
    void an_email_given_is_kept_for_the_confirmation() {
        // when
        BookingView held = succeeded(desk.book(aWalkIn(clerk).guest("Mia", "Holm", "Mia.Holm@Example.com")));

        // then
        assertThat(held.guest().email()).contains(new EmailAddress("mia.holm@example.com"));
    }

    @Test
    void a_room_asked_for_by_number_is_the_one_held() {
        // when
        BookingView held = succeeded(desk.book(aWalkIn(clerk).inRoom("103")));

        // then
        assertThat(held.roomNumber()).isEqualTo("103");
    }

    @Test
    void a_room_asked_for_that_is_taken_or_of_another_type_is_refused_naming_it_and_no_other_room_is_held() {
        // given
        Actor anna = motel.guest("Anna");
        motel.held(aBooking().by(anna).forStay(TODAY, 1)); // takes 101
        motel.sells(aRoomType().named("King Room").rooms(1)); // room 201

        // when
        Refusal taken = refusal(desk.book(aWalkIn(clerk).inRoom("101")));
        Refusal otherType = refusal(desk.book(aWalkIn(clerk).inRoom("201")));

        // then
        assertThat(taken.kind()).isEqualTo(Refusal.Kind.SOLD_OUT);
        assertThat(taken.field()).isEqualTo("roomNumber");
        assertThat(taken.reason()).startsWith("Room 101 is not a Queen Room free from " + TODAY + " to " + TODAY.plusDays(1) + ".");
        assertThat(otherType.reason()).startsWith("Room 201 is not a Queen Room free");
        assertThat(motel.bookings.all(0, 10)).hasSize(1);
    }

    @Test
    void with_every_room_of_the_type_taken_the_walk_in_is_sold_out() {
        // given
        for (int room = 0; room < 3; room++) {
            succeeded(desk.book(aWalkIn(clerk)));
        }

        // when
        Refusal soldOut = refusal(desk.book(aWalkIn(clerk)));

        // then: no cap on the desk's unpaid holds, only on the rooms
        assertThat(soldOut.kind()).isEqualTo(Refusal.Kind.SOLD_OUT);
        assertThat(soldOut.reason()).isEqualTo("No Queen Room is free from %s to %s. Try other dates or another room type."
                .formatted(TODAY, TODAY.plusDays(1)));
    }

    @Test
    void the_stay_is_checked_as_any_booking_is_a_past_check_in_and_too_many_guests_refused() {
        // when
        Refusal past = refusal(desk.book(aWalkIn(clerk).forStay(TODAY.minusDays(1), 2)));
        Refusal crowded = refusal(desk.book(aWalkIn(clerk).forGuests(3)));

        // then
        assertThat(past.field()).isEqualTo("checkIn");
        assertThat(crowded.field()).isEqualTo("guests");
        assertThat(crowded.reason()).isEqualTo("A Queen Room sleeps at most 2 guests.");
    }

    @Test
    void a_retry_with_the_clerks_key_gets_the_first_booking_and_another_request_under_it_is_refused() {
        // given
        BookingView first = succeeded(desk.book(aWalkIn(clerk).withKey("desk-1")));

        // when
        Outcome<BookingView> retried = desk.book(aWalkIn(clerk).withKey("desk-1"));
        Refusal other = refusal(desk.book(aWalkIn(clerk).guest("Ola", "Nordmann", null).withKey("desk-1")));
        BookingView anotherClerks = succeeded(desk.book(aWalkIn(motel.staff("Kim")).withKey("desk-1")));

        // then
        assertThat(succeeded(retried).id()).isEqualTo(first.id());
        assertThat(((Outcome.Success<BookingView>) retried).replayed()).isTrue();
        assertThat(other.kind()).isEqualTo(Refusal.Kind.IDEMPOTENCY_MISMATCH);
        assertThat(anotherClerks.id()).as("a key is the clerk's own").isNotEqualTo(first.id());
        assertThat(motel.metrics.recorded()).containsExactly("booking created FRONT_DESK", "booking created FRONT_DESK");
    }

    @Test
    void a_walk_in_has_no_promotion_code_and_is_priced_as_the_website_prices_it() {
        // when
        BookingView held = succeeded(desk.book(aWalkIn(clerk).forStay(TODAY, 2)));

        // then
        assertThat(held.promotionCode()).isEqualTo(Optional.empty());
        assertThat(held.total()).isEqualTo(BookingFixture.usd("200.00"));
    }
}
