package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static com.westbethel.motel.application.booking.service.DeskConsole.aWalkIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase.Page;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class SearchBookingsServiceTest {

    private final BookingFixture motel = BookingFixture.withQueenRooms(5);
    private final DeskConsole desk = new DeskConsole(motel);
    private final Actor clerk = motel.staff("Sam");

    @Test
    void a_booking_is_found_by_its_reference_in_any_case_by_the_start_of_an_email_or_a_name_newest_first() {
        // given
        BookingView mia = succeeded(desk.book(aWalkIn(clerk).guest("Mia", "Holm", "mia.holm@example.com")));
        motel.clock.advance(Duration.ofMinutes(1));
        BookingView ola = succeeded(desk.book(aWalkIn(clerk).guest("Ola", "Holmberg", null)));
        motel.clock.advance(Duration.ofMinutes(1));
        succeeded(desk.book(aWalkIn(clerk).guest("Kari", "Nordmann", null)));

        // then
        assertThat(found(mia.reference().toLowerCase())).containsExactly(mia.reference());
        assertThat(found("mia.h")).containsExactly(mia.reference());
        assertThat(found("HOLM")).as("last names starting so, newest first").containsExactly(ola.reference(), mia.reference());
        assertThat(found("ola")).containsExactly(ola.reference());
        assertThat(found("  mia   ho ")).as("first and last name").containsExactly(mia.reference());
        assertThat(found("olm")).as("a start, not a part").isEmpty();
    }

    @Test
    void pages_hold_up_to_the_size_asked_with_the_total_count() {
        // given
        for (int walkIn = 0; walkIn < 3; walkIn++) {
            succeeded(desk.book(aWalkIn(clerk)));
            motel.clock.advance(Duration.ofMinutes(1));
        }

        // when
        Page<BookingView> second = succeeded(desk.search.search(clerk, "holm", 1, 2));

        // then
        assertThat(second.items()).hasSize(1);
        assertThat(second.page()).isEqualTo(1);
        assertThat(second.size()).isEqualTo(2);
        assertThat(second.totalItems()).isEqualTo(3);
    }

    @Test
    void an_empty_or_overlong_query_a_bad_page_or_size_are_refused_naming_the_parameter_and_guests_may_not_search() {
        // when
        Refusal empty = refusal(desk.search.search(clerk, "   ", 0, 20));
        Refusal overlong = refusal(desk.search.search(clerk, "x".repeat(101), 0, 20));
        Refusal page = refusal(desk.search.search(clerk, "holm", -1, 20));
        Refusal size = refusal(desk.search.search(clerk, "holm", 0, 101));
        Refusal guest = refusal(desk.search.search(motel.guest("Anna"), "holm", 0, 20));

        // then
        assertThat(empty.field()).isEqualTo("query");
        assertThat(overlong.field()).isEqualTo("query");
        assertThat(page.field()).isEqualTo("page");
        assertThat(size.field()).isEqualTo("size");
        assertThat(size.reason()).isEqualTo("A page holds 1 to 100 bookings.");
        assertThat(guest.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
    }

    @Test
    void a_guests_online_booking_is_found_by_the_name_it_carries() {
        // given
        BookingView annas = motel.held(aBooking().by(motel.guest("Anna")));

        // then
        assertThat(found("anna")).containsExactly(annas.reference());
        assertThat(found("anna@")).containsExactly(annas.reference());
    }

    private java.util.List<String> found(String query) {
        return succeeded(desk.search.search(clerk, query, 0, 20)).items().stream().map(BookingView::reference).toList();
    }
}
