package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.JULY_1;
import static com.westbethel.motel.application.booking.service.BookingFixture.TODAY;
import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static com.westbethel.motel.application.booking.service.BookingFixture.aRoomType;
import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.RoomLine;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.RoomOption;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.StayLine;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.TapeChart;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.inventory.HousekeepingStatus;
import com.westbethel.motel.domain.inventory.RoomId;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ViewTapeChartServiceTest {

    private final BookingFixture motel = BookingFixture.withQueenRooms(3);
    private final DeskConsole desk = new DeskConsole(motel);
    private final Actor clerk = motel.staff("Sam");
    private final Actor anna = motel.guest("Anna");

    @Test
    void the_chart_starts_today_at_the_motel_and_shows_every_room_by_number_with_the_stays_that_hold_it() {
        // given
        motel.sells(aRoomType().named("King Room").rooms(1));
        BookingView tonight = motel.held(aBooking().by(anna).forStay(TODAY, 2));
        BookingView later = motel.held(aBooking().by(motel.guest("Bo")).forStay(TODAY.plusDays(20), 3));
        BookingView cancelled = motel.held(aBooking().by(motel.guest("Cy")).forStay(TODAY.plusDays(3), 1));
        succeeded(motel.cancelBooking.cancel(clerk, cancelled.id(), Channel.FRONT_DESK));

        // when
        TapeChart chart = succeeded(desk.tapeChart.tapeChart(clerk, Optional.empty(), 14));

        // then
        assertThat(chart.from()).isEqualTo(TODAY);
        assertThat(chart.days()).isEqualTo(14);
        assertThat(chart.rooms()).extracting(RoomLine::number).containsExactly("101", "102", "103", "201");
        assertThat(chart.rooms()).extracting(RoomLine::roomType).containsExactly("Queen Room", "Queen Room", "Queen Room", "King Room");
        RoomLine first = chart.rooms().get(0);
        assertThat(first.stays()).singleElement().isEqualTo(new StayLine(tonight.id(), tonight.reference(), "Anna Guest", TODAY, TODAY.plusDays(2),
                BookingStatus.PENDING_PAYMENT));
        assertThat(chart.rooms()).flatExtracting(RoomLine::stays).extracting(StayLine::bookingId)
                .as("neither the stay after the days shown nor the cancelled one").containsExactly(tonight.id());
        assertThat(succeeded(desk.tapeChart.tapeChart(clerk, Optional.of(TODAY.plusDays(14)), 14)).rooms())
                .flatExtracting(RoomLine::stays).extracting(StayLine::bookingId).containsExactly(later.id());
    }

    @Test
    void each_room_says_its_housekeeping_status_now() {
        // given
        RoomLine second = succeeded(desk.tapeChart.tapeChart(clerk, Optional.empty(), 14)).rooms().get(1);
        motel.housekeeping.set(new RoomId(second.roomId()), HousekeepingStatus.DIRTY, Instant.parse("2027-06-01T15:00:00Z"));

        // when
        TapeChart chart = succeeded(desk.tapeChart.tapeChart(clerk, Optional.of(TODAY.plusDays(30)), 14));

        // then
        assertThat(chart.rooms()).extracting(RoomLine::number, RoomLine::housekeeping).containsExactly(
                tuple("101", HousekeepingStatus.CLEAN), tuple("102", HousekeepingStatus.DIRTY),
                tuple("103", HousekeepingStatus.CLEAN));
    }

    @Test
    void two_weeks_to_a_month_may_be_shown_and_only_to_staff() {
        // when
        Refusal tooShort = refusal(desk.tapeChart.tapeChart(clerk, Optional.of(JULY_1), 13));
        Refusal tooLong = refusal(desk.tapeChart.tapeChart(clerk, Optional.of(JULY_1), 32));
        Refusal guest = refusal(desk.tapeChart.tapeChart(anna, Optional.of(JULY_1), 14));

        // then
        assertThat(tooShort.kind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(tooShort.field()).isEqualTo("days");
        assertThat(tooShort.reason()).isEqualTo("The tape chart shows 14 to 31 days; 13 were asked.");
        assertThat(tooLong.field()).isEqualTo("days");
        assertThat(guest.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(succeeded(desk.tapeChart.tapeChart(clerk, Optional.of(JULY_1), 31)).days()).isEqualTo(31);
    }

    @Test
    void the_chart_reaches_five_years_either_way_like_the_desk_and_a_day_beyond_is_invalid_not_looked_up() {
        // when
        Refusal farFuture = refusal(desk.tapeChart.tapeChart(clerk, Optional.of(LocalDate.MAX), 14));
        Refusal farPast = refusal(desk.tapeChart.tapeChart(clerk, Optional.of(TODAY.minusYears(5).minusDays(1)), 14));

        // then
        assertThat(farFuture.kind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(farFuture.field()).isEqualTo("from");
        assertThat(farFuture.reason()).isEqualTo("The day must be within 5 years of today.");
        assertThat(farPast.field()).isEqualTo("from");
        assertThat(succeeded(desk.tapeChart.tapeChart(clerk, Optional.of(TODAY.plusYears(5)), 31)).from()).isEqualTo(TODAY.plusYears(5));
    }

    @Test
    void a_stay_can_move_to_the_other_rooms_of_its_type_free_for_its_whole_stay() {
        // given: 101 is Anna's; 102 is taken on her second night; 103 is free
        BookingView annas = motel.held(aBooking().by(anna).forStay(JULY_1, 2));
        motel.held(aBooking().by(motel.guest("Bo")).forStay(JULY_1.plusDays(1), 1));

        // when
        List<RoomOption> options = succeeded(desk.tapeChart.moveOptions(clerk, annas.id()));

        // then
        assertThat(options).extracting(RoomOption::number).containsExactly("103");
        assertThat(succeeded(motel.frontDesk.moveToRoom(clerk, annas.id(), "103")).roomNumber()).isEqualTo("103");
        assertThat(succeeded(desk.tapeChart.moveOptions(clerk, annas.id()))).extracting(RoomOption::number).containsExactly("101");
    }

    @Test
    void a_cancelled_booking_has_no_room_to_move_and_an_unknown_one_is_not_found() {
        // given
        BookingView annas = motel.held(aBooking().by(anna));
        succeeded(motel.cancelBooking.cancel(anna, annas.id(), Channel.API));

        // when
        Refusal cancelled = refusal(desk.tapeChart.moveOptions(clerk, annas.id()));
        Refusal unknown = refusal(desk.tapeChart.moveOptions(clerk, UUID.randomUUID()));
        Refusal guest = refusal(desk.tapeChart.moveOptions(anna, annas.id()));

        // then
        assertThat(cancelled.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(cancelled.reason()).isEqualTo("Booking %s is CANCELLED and has no room to move.".formatted(annas.reference()));
        assertThat(unknown.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(guest.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
    }
}
