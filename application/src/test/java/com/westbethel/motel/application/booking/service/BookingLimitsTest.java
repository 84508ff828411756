package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.JULY_1;
import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static com.westbethel.motel.application.booking.service.BookingFixture.aPromotion;
import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.domain.booking.Promotion;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** Finding 7 of issue 10: holds and promotion codes cannot be hoarded. */
class BookingLimitsTest {

    private final BookingFixture motel = BookingFixture.withQueenRooms(20);
    private final Actor anna = motel.guest("Anna");
    private final Actor ben = motel.guest("Ben");

    @Test
    void a_guest_holding_three_unpaid_bookings_is_refused_a_fourth_until_one_expires() {
        // given
        for (int night = 0; night < 3; night++) {
            motel.held(aBooking().by(anna).forStay(JULY_1.plusDays(night * 2L), 2));
        }

        // when
        Outcome<BookingView> fourth = motel.book(aBooking().by(anna).forStay(JULY_1.plusDays(10), 2));

        // then
        assertThat(refusal(fourth).kind()).isEqualTo(Refusal.Kind.TOO_MANY_UNPAID_HOLDS);
        assertThat(refusal(fourth).reason()).contains("3 unpaid bookings");
        assertThat(motel.book(aBooking().by(ben).forStay(JULY_1.plusDays(10), 2))).as("another guest is not affected")
                .isInstanceOf(Outcome.Success.class);

        motel.clock.advance(Duration.ofMinutes(16));

        assertThat(motel.book(aBooking().by(anna).forStay(JULY_1.plusDays(10), 2))).as("expired holds no longer count")
                .isInstanceOf(Outcome.Success.class);
    }

    @Test
    void the_cap_on_unpaid_holds_is_configurable() {
        // given
        BookingFixture strict = new BookingFixture(20, new BookingSettings(Duration.ofMinutes(15), 30, 1));
        Actor carl = strict.guest("Carl");
        strict.held(aBooking().by(carl).forStay(JULY_1, 2));

        // when
        Outcome<BookingView> second = strict.book(aBooking().by(carl).forStay(JULY_1.plusDays(5), 2));

        // then
        assertThat(refusal(second).kind()).isEqualTo(Refusal.Kind.TOO_MANY_UNPAID_HOLDS);
    }

    @Test
    void a_code_for_once_per_guest_is_refused_the_second_time_and_does_not_count_the_refusal_as_a_use() {
        // given
        Promotion welcome = motel.offers(aPromotion().code("WELCOME10").usableTimes(100).perGuest(1));
        motel.held(aBooking().by(anna).forStay(JULY_1, 2).withCode("welcome10"));

        // when
        Refusal again = refusal(motel.book(aBooking().by(anna).forStay(JULY_1.plusDays(5), 2).withCode("WELCOME10")));

        // then
        assertThat(again.field()).isEqualTo("promoCode");
        assertThat(again.reason()).contains("already used");
        assertThat(motel.promotions.uses(welcome)).isEqualTo(1);
        assertThat(motel.book(aBooking().by(ben).forStay(JULY_1.plusDays(5), 2).withCode("WELCOME10"))).isInstanceOf(Outcome.Success.class);
    }

    @Test
    void a_code_with_a_usage_limit_is_used_up_after_that_many_bookings() {
        // given
        Promotion firstTwo = motel.offers(aPromotion().code("FIRSTTWO").usableTimes(2));
        motel.held(aBooking().by(anna).withCode("FIRSTTWO"));
        motel.held(aBooking().by(ben).withCode("FIRSTTWO"));

        // when
        Refusal third = refusal(motel.book(aBooking().by(motel.guest("Cleo")).withCode("FIRSTTWO")));

        // then
        assertThat(third.reason()).contains("used up");
        assertThat(motel.promotions.uses(firstTwo)).isEqualTo(2);
    }

    @Test
    void a_booking_refused_because_the_room_type_is_sold_out_gives_its_code_back() {
        // given
        BookingFixture tiny = BookingFixture.withQueenRooms(1);
        Actor dora = tiny.guest("Dora");
        Promotion once = tiny.offers(aPromotion().code("ONCE").usableTimes(5).perGuest(1));
        tiny.held(aBooking().by(tiny.guest("Eli")).forStay(JULY_1, 2));

        // when
        Outcome<BookingView> soldOut = tiny.book(aBooking().by(dora).forStay(JULY_1, 2).withCode("ONCE"));

        // then
        assertThat(refusal(soldOut).kind()).isEqualTo(Refusal.Kind.SOLD_OUT);
        assertThat(tiny.promotions.uses(once)).isZero();
        assertThat(tiny.book(aBooking().by(dora).forStay(JULY_1.plusDays(5), 2).withCode("ONCE"))).isInstanceOf(Outcome.Success.class);
    }

    @Test
    void sold_out_dates_are_refused_as_sold_out_even_to_a_guest_at_the_cap_on_unpaid_holds() {
        // given
        BookingFixture tiny = BookingFixture.withQueenRooms(1);
        Actor fay = tiny.guest("Fay");
        for (int stay = 0; stay < 3; stay++) {
            tiny.held(aBooking().by(fay).forStay(JULY_1.plusDays(stay * 2L), 2));
        }

        // when
        Outcome<BookingView> taken = tiny.book(aBooking().by(tiny.guest("Gus")).forStay(JULY_1, 2));
        Outcome<BookingView> soldOut = tiny.book(aBooking().by(fay).forStay(JULY_1, 2));
        Outcome<BookingView> free = tiny.book(aBooking().by(fay).forStay(JULY_1.plusDays(10), 2));

        // then: the free room is looked for first, then the guest's holds are counted
        assertThat(refusal(taken).kind()).isEqualTo(Refusal.Kind.SOLD_OUT);
        assertThat(refusal(soldOut).kind()).isEqualTo(Refusal.Kind.SOLD_OUT);
        assertThat(refusal(free).kind()).isEqualTo(Refusal.Kind.TOO_MANY_UNPAID_HOLDS);
    }
}
