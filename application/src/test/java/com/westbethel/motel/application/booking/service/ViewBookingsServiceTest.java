package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.JULY_1;
import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase.Page;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ViewBookingsServiceTest {

    private final BookingFixture motel = new BookingFixture();
    private final Actor anna = motel.guest("Anna");
    private final Actor ben = motel.guest("Ben");

    @Test
    void a_guest_sees_only_their_own_bookings_newest_first() {
        // given
        BookingView first = motel.held(aBooking().by(anna).forStay(JULY_1, 2));
        motel.held(aBooking().by(ben).forStay(JULY_1, 2));
        BookingView second = motel.held(aBooking().by(anna).forStay(JULY_1.plusDays(7), 2));

        // when
        Page<BookingView> annas = motel.viewBookings.bookings(anna, 0, 20);

        // then
        assertThat(annas.items()).extracting(BookingView::id).containsExactly(second.id(), first.id());
        assertThat(annas.totalItems()).isEqualTo(2);
    }

    @Test
    void the_front_desk_sees_everyones_bookings() {
        // given
        motel.held(aBooking().by(anna));
        motel.held(aBooking().by(ben));

        // when
        Page<BookingView> all = motel.viewBookings.bookings(motel.staff("Sam"), 0, 20);

        // then
        assertThat(all.items()).extracting(BookingView::account)
                .containsExactlyInAnyOrder(Optional.of(anna.account().orElseThrow().value()), Optional.of(ben.account().orElseThrow().value()));
        assertThat(all.totalItems()).isEqualTo(2);
    }

    @Test
    void someone_elses_booking_is_as_good_as_absent_but_the_front_desk_may_open_it() {
        // given
        BookingView annas = motel.held(aBooking().by(anna));

        // when
        Refusal toBen = refusal(motel.viewBookings.booking(ben, annas.id()));
        BookingView toStaff = succeeded(motel.viewBookings.booking(motel.staff("Sam"), annas.id()));

        // then
        assertThat(toBen.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(toBen.reason()).isEqualTo("You have no booking " + annas.id() + ".");
        assertThat(toStaff).isEqualTo(annas);
    }

    @Test
    void pages_are_at_least_one_and_at_most_a_hundred_bookings_long_and_never_before_the_first() {
        // given
        motel.held(aBooking().by(anna).forStay(JULY_1, 1));
        motel.held(aBooking().by(anna).forStay(JULY_1.plusDays(1), 1));

        // when
        Page<BookingView> empty = motel.viewBookings.bookings(anna, -3, 0);
        Page<BookingView> huge = motel.viewBookings.bookings(anna, 0, 1_000);

        // then
        assertThat(empty.page()).isZero();
        assertThat(empty.size()).isEqualTo(1);
        assertThat(empty.items()).hasSize(1);
        assertThat(huge.size()).isEqualTo(ViewBookingsUseCase.MAX_PAGE_SIZE);
        assertThat(huge.items()).hasSize(2);
    }
}
