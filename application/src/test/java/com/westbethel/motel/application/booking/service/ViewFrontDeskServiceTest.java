package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.TODAY;
import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.ViewFrontDeskUseCase.FrontDeskDay;
import com.westbethel.motel.application.booking.port.in.ViewFrontDeskUseCase.StayLine;
import com.westbethel.motel.application.booking.service.InMemoryBooking.InMemoryInventory;
import com.westbethel.motel.application.booking.service.InMemoryBooking.InMemoryPromotions;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.inventory.HousekeepingStatus;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ViewFrontDeskServiceTest {

    private final BookingFixture motel = BookingFixture.withQueenRooms(1);
    private final Actor clerk = motel.staff("Sam");

    @Test
    void todays_arrivals_say_what_the_desk_can_do_for_each_and_a_guest_checked_in_is_in_the_house() {
        // given
        BookingFixture twoRooms = BookingFixture.withQueenRooms(2);
        BookingView paid = twoRooms.paid(aBooking().by(twoRooms.guest("Anna")).forStay(TODAY, 2));
        BookingView unpaid = twoRooms.held(aBooking().by(twoRooms.guest("Ben")).forStay(TODAY, 1));

        // when
        FrontDeskDay before = succeeded(twoRooms.viewFrontDesk.today(Optional.empty()));
        succeeded(twoRooms.frontDesk.checkIn(twoRooms.staff("Sam"), paid.id()));
        FrontDeskDay after = succeeded(twoRooms.viewFrontDesk.today(Optional.empty()));

        // then
        assertThat(before.date()).isEqualTo(TODAY);
        assertThat(before.arrivals()).extracting(StayLine::reference).containsExactly(paid.reference(), unpaid.reference());
        StayLine anna = before.arrivals().get(0);
        assertThat(anna.guestName()).isEqualTo("Anna Guest");
        assertThat(anna.roomNumber()).isEqualTo("101");
        assertThat(anna.roomType()).isEqualTo("Queen Room");
        assertThat(anna.checkOut()).isEqualTo(TODAY.plusDays(2));
        assertThat(anna.housekeeping()).isEqualTo(HousekeepingStatus.CLEAN);
        assertThat(anna.roomReady()).isTrue();
        assertThat(anna.canCheckIn()).isTrue();
        assertThat(anna.canMarkNoShow()).isTrue();
        assertThat(anna.canCheckOut()).isFalse();
        StayLine ben = before.arrivals().get(1);
        assertThat(ben.status()).isEqualTo(BookingStatus.PENDING_PAYMENT);
        assertThat(ben.canCheckIn()).as("an unpaid hold does not check in").isFalse();
        assertThat(ben.canMarkNoShow()).isFalse();
        assertThat(before.inHouse()).isEmpty();

        assertThat(after.arrivals().get(0).status()).as("the desk still sees whom it checked in").isEqualTo(BookingStatus.CHECKED_IN);
        assertThat(after.arrivals().get(0).canCheckOut()).isTrue();
        assertThat(after.inHouse()).extracting(StayLine::reference).containsExactly(paid.reference());
        assertThat(after.departures()).isEmpty();
    }

    @Test
    void the_next_guest_of_a_room_waits_until_the_last_one_has_left_and_the_room_is_cleaned() {
        // given: Anna stays tonight in the one Queen Room; Ben has it from tomorrow
        BookingView anna = motel.paid(aBooking().by(motel.guest("Anna")).forStay(TODAY, 1));
        BookingView ben = motel.paid(aBooking().by(motel.guest("Ben")).forStay(TODAY.plusDays(1), 2));
        succeeded(motel.frontDesk.checkIn(clerk, anna.id()));
        motel.clock.advance(Duration.ofDays(1));

        // when / then: Anna still in
        FrontDeskDay morning = succeeded(motel.viewFrontDesk.today(Optional.empty()));
        assertThat(morning.departures()).extracting(StayLine::reference).containsExactly(anna.reference());
        assertThat(morning.departures().get(0).canCheckOut()).isTrue();
        assertThat(morning.arrivals()).extracting(StayLine::reference).containsExactly(ben.reference());
        assertThat(morning.arrivals().get(0).roomReady()).as("Anna is still in room 101").isFalse();
        assertThat(morning.arrivals().get(0).canCheckIn()).as("the booking's rules allow it; the room is the desk's call").isTrue();

        // Anna leaves: the room is dirty
        succeeded(motel.frontDesk.checkOut(clerk, anna.id()));
        StayLine waiting = succeeded(motel.viewFrontDesk.today(Optional.empty())).arrivals().get(0);
        assertThat(waiting.housekeeping()).isEqualTo(HousekeepingStatus.DIRTY);
        assertThat(waiting.roomReady()).isFalse();
        assertThat(succeeded(motel.viewFrontDesk.today(Optional.empty())).departures().get(0).status()).isEqualTo(BookingStatus.CHECKED_OUT);

        // Housekeeping cleans it
        succeeded(motel.roomHousekeeping.setStatus(clerk, waiting.roomId(), "CLEAN"));
        assertThat(succeeded(motel.viewFrontDesk.today(Optional.empty())).arrivals().get(0).roomReady()).isTrue();
    }

    @Test
    void a_guest_still_checked_in_after_their_check_out_day_is_an_overdue_departure() {
        // given
        BookingView anna = motel.paid(aBooking().by(motel.guest("Anna")).forStay(TODAY, 1));
        succeeded(motel.frontDesk.checkIn(clerk, anna.id()));
        motel.clock.advance(Duration.ofDays(2));

        // when
        List<StayLine> departures = succeeded(motel.viewFrontDesk.today(Optional.empty())).departures();

        // then
        assertThat(departures).singleElement().satisfies(line -> {
            assertThat(line.overdue()).isTrue();
            assertThat(line.canCheckOut()).isTrue();
        });
    }

    @Test
    void another_day_is_shown_as_asked_but_what_the_desk_can_do_is_still_todays() {
        // given
        LocalDate tomorrow = TODAY.plusDays(1);
        BookingView later = motel.paid(aBooking().by(motel.guest("Anna")).forStay(tomorrow, 1));

        // when
        FrontDeskDay shown = succeeded(motel.viewFrontDesk.today(Optional.of(tomorrow)));

        // then
        assertThat(shown.date()).isEqualTo(tomorrow);
        assertThat(shown.today()).isEqualTo(TODAY);
        assertThat(shown.arrivals()).singleElement().satisfies(line -> {
            assertThat(line.reference()).isEqualTo(later.reference());
            assertThat(line.canCheckIn()).as("not before its day").isFalse();
            assertThat(line.canMarkNoShow()).isFalse();
        });
        assertThat(succeeded(motel.viewFrontDesk.today(Optional.empty())).arrivals()).isEmpty();
    }

    @Test
    void a_day_more_than_five_years_away_is_refused_naming_the_field() {
        Refusal far = refusal(motel.viewFrontDesk.today(Optional.of(TODAY.plusYears(5).plusDays(1))));
        Refusal past = refusal(motel.viewFrontDesk.today(Optional.of(TODAY.minusYears(5).minusDays(1))));

        assertThat(far.kind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(far.field()).isEqualTo("date");
        assertThat(far.reason()).isEqualTo("The day must be within 5 years of today.");
        assertThat(past.field()).isEqualTo("date");
        assertThat(succeeded(motel.viewFrontDesk.today(Optional.of(TODAY.plusYears(5)))).date()).isEqualTo(TODAY.plusYears(5));
    }

    @Test
    void a_motel_without_a_property_has_no_day_to_show() {
        InMemoryInventory empty = new InMemoryInventory(new InMemoryPromotions());
        ViewFrontDeskService view = new ViewFrontDeskService(new InMemoryFrontDeskBoard(empty, motel.bookings, motel.housekeeping), empty,
                motel.clock);

        Refusal none = refusal(view.today(Optional.empty()));
        assertThat(none.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(none.reason()).isEqualTo("The motel has no property yet.");
    }
}
