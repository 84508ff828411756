package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.JULY_1;
import static com.westbethel.motel.application.booking.service.BookingFixture.TODAY;
import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.inventory.HousekeepingStatus;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class FrontDeskServiceTest {

    private final BookingFixture motel = BookingFixture.withQueenRooms(2);
    private final Actor anna = motel.guest("Anna");
    private final Actor clerk = motel.staff("Sam");

    @Test
    void the_front_desk_is_told_of_a_booking_that_does_not_exist() {
        // given
        UUID unknown = UUID.randomUUID();

        // when
        Refusal missing = refusal(motel.frontDesk.checkIn(clerk, unknown));

        // then
        assertThat(missing.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(missing.reason()).isEqualTo("There is no booking " + unknown + ".");
    }

    @Test
    void only_staff_change_a_stays_course_even_their_own_booking() {
        // given
        BookingView tonight = motel.paid(aBooking().by(anna).forStay(TODAY, 2));
        var room = motel.stored(tonight).room();

        // when
        Refusal checkIn = refusal(motel.frontDesk.checkIn(anna, tonight.id()));
        Refusal move = refusal(motel.frontDesk.moveToRoom(anna, tonight.id(), "102"));

        // then
        assertThat(checkIn.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(move.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(motel.stored(tonight).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(motel.stored(tonight).room()).isEqualTo(room);
    }

    @Test
    void a_paid_guest_checks_in_on_the_day_and_checks_out_afterwards_each_step_audited() {
        // given
        BookingView tonight = motel.paid(aBooking().by(anna).forStay(TODAY, 2));

        // when
        BookingView arrived = succeeded(motel.frontDesk.checkIn(clerk, tonight.id()));
        BookingView left = succeeded(motel.frontDesk.checkOut(clerk, tonight.id()));

        // then
        assertThat(arrived.status()).isEqualTo(BookingStatus.CHECKED_IN);
        assertThat(left.status()).isEqualTo(BookingStatus.CHECKED_OUT);
        assertThat(motel.stored(tonight).status()).isEqualTo(BookingStatus.CHECKED_OUT);
        assertThat(motel.auditedActions()).endsWith("BOOKING_CHECKED_IN", "BOOKING_CHECKED_OUT", "ROOM_HOUSEKEEPING_CHANGED");
        assertThat(motel.auditLog.entries()).last().extracting(entry -> entry.actor()).isEqualTo("staff:" + clerk.account().orElseThrow());
    }

    @Test
    void a_check_out_leaves_the_room_dirty_for_housekeeping_audited_as_the_clerks_change() {
        // given
        BookingView tonight = motel.paid(aBooking().by(anna).forStay(TODAY, 1));
        succeeded(motel.frontDesk.checkIn(clerk, tonight.id()));
        Booking stored = motel.stored(tonight);

        // when
        succeeded(motel.frontDesk.checkOut(clerk, tonight.id()));

        // then
        assertThat(motel.housekeeping.status(stored.room())).isEqualTo(HousekeepingStatus.DIRTY);
        assertThat(motel.housekeeping.writes).containsExactly(stored.room());
        assertThat(motel.auditedActions()).endsWith("BOOKING_CHECKED_OUT", "ROOM_HOUSEKEEPING_CHANGED");
        assertThat(motel.auditLog.entries()).last().satisfies(entry -> {
            assertThat(entry.actor()).isEqualTo("staff:" + clerk.account().orElseThrow());
            assertThat(entry.entityId()).isEqualTo(stored.room().toString());
            assertThat(entry.before()).containsEntry("status", "CLEAN");
            assertThat(entry.after()).containsEntry("status", "DIRTY");
        });
    }

    @Test
    void a_refused_check_out_leaves_the_room_as_it_was() {
        // given
        BookingView notArrived = motel.paid(aBooking().by(anna).forStay(TODAY, 1));

        // when
        refusal(motel.frontDesk.checkOut(clerk, notArrived.id()));

        // then
        assertThat(motel.housekeeping.writes).isEmpty();
    }

    @Test
    void a_confirmed_booking_cannot_check_in_before_its_day() {
        // given
        BookingView july = motel.paid(aBooking().by(anna).forStay(JULY_1, 2));

        // when
        Refusal early = refusal(motel.frontDesk.checkIn(clerk, july.id()));

        // then
        assertThat(early.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(early.reason()).isEqualTo("Booking %s checks in on 2027-07-01.".formatted(july.reference()));
        assertThat(motel.stored(july).status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void an_unpaid_hold_cannot_check_in_and_a_guest_not_yet_arrived_cannot_check_out() {
        // given
        BookingView unpaid = motel.held(aBooking().by(anna).forStay(TODAY, 1));
        BookingView paid = motel.paid(aBooking().by(motel.guest("Ben")).forStay(TODAY, 1));

        // when
        Refusal checkIn = refusal(motel.frontDesk.checkIn(clerk, unpaid.id()));
        Refusal checkOut = refusal(motel.frontDesk.checkOut(clerk, paid.id()));

        // then
        assertThat(checkIn.reason()).contains("PENDING_PAYMENT; only a confirmed booking checks in");
        assertThat(checkOut.reason()).contains("CONFIRMED; only a checked-in booking checks out");
    }

    @Test
    void a_guest_who_does_not_come_is_marked_no_show_and_the_room_is_free_again_for_tonight() {
        // given
        BookingFixture oneRoom = BookingFixture.withQueenRooms(1);
        BookingView absent = oneRoom.paid(aBooking().by(oneRoom.guest("Anna")).forStay(TODAY, 1));

        // when
        BookingView noShow = succeeded(oneRoom.frontDesk.markNoShow(oneRoom.staff("Sam"), absent.id()));

        // then
        assertThat(noShow.status()).isEqualTo(BookingStatus.NO_SHOW);
        assertThat(oneRoom.book(aBooking().by(oneRoom.guest("Walk-in")).forStay(TODAY, 1))).isInstanceOf(Outcome.Success.class);
    }

    @Test
    void a_booking_is_not_a_no_show_before_its_check_in_day() {
        // given
        BookingView july = motel.paid(aBooking().by(anna).forStay(JULY_1, 2));

        // when
        Refusal early = refusal(motel.frontDesk.markNoShow(clerk, july.id()));

        // then
        assertThat(early.reason()).isEqualTo("Only a confirmed booking whose check-in day has come can be a no-show.");
    }

    @Test
    void a_guest_moves_to_another_free_room_of_the_same_type() {
        // given
        BookingView inFirstRoom = motel.paid(aBooking().by(anna).forStay(JULY_1, 2));

        // when
        BookingView moved = succeeded(motel.frontDesk.moveToRoom(clerk, inFirstRoom.id(), "102"));

        // then
        assertThat(inFirstRoom.roomNumber()).isEqualTo("101");
        assertThat(moved.roomNumber()).isEqualTo("102");
        assertThat(motel.auditLog.entries()).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("BOOKING_MOVED");
            assertThat(entry.before().get("roomId")).isNotEqualTo(entry.after().get("roomId"));
        });
    }

    @Test
    void a_move_to_a_room_taken_for_those_nights_is_refused() {
        // given
        BookingView annas = motel.paid(aBooking().by(anna).forStay(JULY_1, 2));
        motel.paid(aBooking().by(motel.guest("Ben")).forStay(JULY_1.plusDays(1), 2));

        // when
        Refusal taken = refusal(motel.frontDesk.moveToRoom(clerk, annas.id(), "102"));

        // then
        assertThat(taken.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(taken.reason()).isEqualTo("Room 102 is not a free room of the same type for 2027-07-01 to 2027-07-03.");
        assertThat(succeeded(motel.viewBookings.booking(anna, annas.id())).roomNumber()).isEqualTo("101");
    }
}
