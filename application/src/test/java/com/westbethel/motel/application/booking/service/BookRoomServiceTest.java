package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.JULY_1;
import static com.westbethel.motel.application.booking.service.BookingFixture.NOW;
import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static com.westbethel.motel.application.booking.service.BookingFixture.aPromotion;
import static com.westbethel.motel.application.booking.service.BookingFixture.aRatePlan;
import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase.BookRoomCommand;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.booking.BookingStatus;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class BookRoomServiceTest {

    private final BookingFixture motel = BookingFixture.withQueenRooms(1);
    private final Actor anna = motel.guest("Anna");

    @Test
    void booking_holds_a_free_room_unpaid_for_fifteen_minutes_and_audits_it() {
        // when
        BookingView held = motel.held(aBooking().by(anna).forStay(JULY_1, 2).forGuests(2));

        // then
        assertThat(held.status()).isEqualTo(BookingStatus.PENDING_PAYMENT);
        assertThat(held.roomNumber()).isEqualTo("101");
        assertThat(held.nights()).isEqualTo(2);
        assertThat(held.total()).isEqualTo(usd("200.00"));
        assertThat(held.holdExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(motel.stored(held).status()).isEqualTo(BookingStatus.PENDING_PAYMENT);
        assertThat(motel.metrics.recorded()).containsExactly("booking created API");
        assertThat(motel.auditLog.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("BOOKING_HELD");
            assertThat(entry.actor()).isEqualTo("guest:" + anna.account().orElseThrow());
            assertThat(entry.after()).containsEntry("status", "PENDING_PAYMENT");
        });
    }

    @Test
    void of_two_guests_wanting_the_last_room_the_first_gets_it_and_the_second_is_told_it_is_sold_out() {
        // given
        Actor ben = motel.guest("Ben");
        motel.held(aBooking().by(anna).forStay(JULY_1, 3));

        // when
        Outcome<BookingView> second = motel.book(aBooking().by(ben).forStay(JULY_1.plusDays(2), 2));

        // then
        assertThat(refusal(second).kind()).isEqualTo(Refusal.Kind.SOLD_OUT);
        assertThat(refusal(second).reason()).isEqualTo("No Queen Room is free from 2027-07-03 to 2027-07-05. Try other dates or another room type.");
        assertThat(motel.book(aBooking().by(ben).forStay(JULY_1.plusDays(3), 2))).as("from her check-out day the room is free")
                .isInstanceOf(Outcome.Success.class);
        assertThat(motel.metrics.recorded()).as("the refused booking counts nothing").containsExactly("booking created API", "booking created API");
    }

    @Test
    void a_booking_counts_under_the_channel_it_came_through() {
        // when
        motel.held(aBooking().by(anna).forStay(JULY_1, 1).through(Channel.WEB));
        motel.held(aBooking().by(motel.staff("Sam")).forStay(JULY_1.plusDays(1), 1).through(Channel.FRONT_DESK));

        // then
        assertThat(motel.metrics.recorded()).containsExactly("booking created WEB", "booking created FRONT_DESK");
    }

    @Test
    void a_percentage_code_takes_its_share_off_the_stay() {
        // given
        motel.offers(aPromotion().code("SUMMER10").percentOff(10));

        // when
        BookingView held = motel.held(aBooking().by(anna).forStay(JULY_1, 2).withCode(" summer10 "));

        // then
        assertThat(held.subtotal()).isEqualTo(usd("200.00"));
        assertThat(held.discount()).isEqualTo(usd("20.00"));
        assertThat(held.total()).isEqualTo(usd("180.00"));
        assertThat(held.promotionCode()).contains("SUMMER10");
    }

    @Test
    void a_fixed_amount_off_never_takes_off_more_than_the_stay_costs() {
        // given
        motel.offers(aPromotion().code("BIGGIFT").dollarsOff("250.00"));

        // when
        BookingView held = motel.held(aBooking().by(anna).forStay(JULY_1, 2).withCode("BIGGIFT"));

        // then
        assertThat(held.discount()).isEqualTo(usd("200.00"));
        assertThat(held.total()).isEqualTo(usd("0.00"));
    }

    @Test
    void a_code_for_check_ins_that_have_passed_is_refused_naming_its_dates() {
        // given
        motel.offers(aPromotion().code("SPRING").forCheckIns(JULY_1.minusMonths(3), JULY_1));

        // when
        Refusal expired = refusal(motel.book(aBooking().by(anna).forStay(JULY_1, 2).withCode("SPRING")));

        // then
        assertThat(expired.field()).isEqualTo("promoCode");
        assertThat(expired.reason()).isEqualTo("The code SPRING is for stays checking in from 2027-04-01 to 2027-06-30.");
        assertThat(motel.bookings.countAll()).isZero();
    }

    @Test
    void a_code_for_longer_stays_is_refused_for_a_short_one() {
        // given
        motel.offers(aPromotion().code("WEEKLONG").forStaysOfAtLeast(7));

        // when
        Refusal tooShort = refusal(motel.book(aBooking().by(anna).forStay(JULY_1, 2).withCode("WEEKLONG")));

        // then
        assertThat(tooShort.field()).isEqualTo("promoCode");
        assertThat(tooShort.reason()).isEqualTo("The code WEEKLONG needs a stay of at least 7 nights.");
    }

    @Test
    void an_unknown_code_is_refused_and_a_blank_one_is_no_code_at_all() {
        // when
        Refusal unknown = refusal(motel.book(aBooking().by(anna).withCode("NOSUCH")));
        Outcome<BookingView> blank = motel.book(aBooking().by(anna).withCode("  "));

        // then
        assertThat(unknown.reason()).isEqualTo("There is no promotion code NOSUCH.");
        assertThat(blank).isInstanceOf(Outcome.Success.class);
    }

    @Test
    void a_party_larger_than_the_room_sleeps_is_refused_naming_the_guests() {
        // when
        Refusal tooMany = refusal(motel.book(aBooking().by(anna).forGuests(3)));

        // then
        assertThat(tooMany.field()).isEqualTo("guests");
        assertThat(tooMany.reason()).isEqualTo("A Queen Room sleeps at most 2 guests.");
    }

    @Test
    void a_stay_shorter_than_the_seasons_minimum_is_refused() {
        // given
        motel.prices(aRatePlan().forType(motel.queen).minimumStay(3));

        // when
        Refusal tooShort = refusal(motel.book(aBooking().by(anna).forStay(JULY_1, 2)));

        // then
        assertThat(tooShort.field()).isEqualTo("checkOut");
        assertThat(tooShort.reason()).isEqualTo("Stays on these dates are at least 3 nights.");
    }

    @Test
    void a_room_type_the_motel_does_not_sell_is_not_found() {
        // when
        Refusal unknown = refusal(motel.bookRoom.book(new BookRoomCommand(anna, UUID.randomUUID(), JULY_1, JULY_1.plusDays(1), 1, Optional.empty(),
                Optional.empty(), Channel.API)));

        // then
        assertThat(unknown.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(unknown.field()).isEqualTo("roomTypeId");
    }

    @Test
    void the_audit_entry_of_a_hold_names_the_room_the_dates_and_the_price() {
        // when
        BookingView held = motel.held(aBooking().by(anna).forStay(JULY_1, 2));

        // then
        AuditEntry entry = motel.auditLog.entries().get(0);
        assertThat(entry.entityId()).isEqualTo(held.id().toString());
        assertThat(entry.after()).containsEntry("checkIn", "2027-07-01").containsEntry("checkOut", "2027-07-03").containsEntry("total", "200.00 USD");
    }
}
