package com.westbethel.motel.adapters.web.site.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.westbethel.motel.adapters.web.site.staff.TapeChartView.Cell;
import com.westbethel.motel.adapters.web.site.staff.TapeChartView.Row;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.ClosureLine;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.RoomLine;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.StayLine;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.TapeChart;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.inventory.HousekeepingStatus;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class TapeChartViewTest {

    private static final LocalDate JULY_1 = LocalDate.of(2027, 7, 1);

    private static StayLine stay(String guest, LocalDate checkIn, int nights, BookingStatus status) {
        return new StayLine(UUID.randomUUID(), "WB-" + guest.substring(0, 3).toUpperCase(), guest, checkIn, checkIn.plusDays(nights), status);
    }

    private static Row row(List<StayLine> stays, List<ClosureLine> closures) {
        RoomLine room = new RoomLine(UUID.randomUUID(), "104", "Queen Room", HousekeepingStatus.DIRTY, true, stays, closures);
        return TapeChartView.of(new TapeChart(JULY_1, 14, List.of(room)), booking -> "/move/" + booking).rows().get(0);
    }

    @Test
    void a_stay_spans_its_nights_and_every_free_night_is_its_own_cell() {
        // given: Mia's 2 nights from 3 July in a 14-day chart from 1 July
        StayLine mia = stay("Mia Holm", JULY_1.plusDays(2), 2, BookingStatus.CONFIRMED);

        // when
        Row row = row(List.of(mia), List.of());

        // then
        assertThat(row.housekeeping()).isEqualTo("Dirty");
        assertThat(row.cells()).extracting(Cell::kind, Cell::span).containsExactly(tuple("free", 1), tuple("free", 1), tuple("stay", 2),
                tuple("free", 1), tuple("free", 1), tuple("free", 1), tuple("free", 1), tuple("free", 1), tuple("free", 1), tuple("free", 1),
                tuple("free", 1), tuple("free", 1), tuple("free", 1));
        Cell bar = row.cells().get(2);
        assertThat(bar.label()).isEqualTo("Mia Holm");
        assertThat(bar.status()).isEqualTo("Confirmed");
        assertThat(bar.href()).isEqualTo("/move/" + mia.bookingId());
        assertThat(bar.dates()).isEqualTo("WB-MIA, 3 Jul to 5 Jul");
    }

    @Test
    void bars_running_over_either_edge_are_clipped_to_the_days_shown_and_say_so() {
        // given: a stay from 28 June to 3 July, a closure from 10 July to 20 July
        StayLine early = stay("Bo Lind", JULY_1.minusDays(3), 5, BookingStatus.CHECKED_IN);
        ClosureLine roof = new ClosureLine(UUID.randomUUID(), JULY_1.plusDays(9), JULY_1.plusDays(19), "roof repair");

        // when
        List<Cell> cells = row(List.of(early), List.of(roof)).cells();

        // then: 2 nights of the stay shown, 7 free nights, 5 nights of the closure; 14 in all
        assertThat(cells).extracting(Cell::kind, Cell::span, Cell::before, Cell::after).containsExactly(tuple("stay", 2, true, false),
                tuple("free", 1, false, false), tuple("free", 1, false, false), tuple("free", 1, false, false), tuple("free", 1, false, false),
                tuple("free", 1, false, false), tuple("free", 1, false, false), tuple("free", 1, false, false), tuple("closed", 5, false, true));
        assertThat(cells.get(8).label()).isEqualTo("Closed");
        assertThat(cells.get(8).status()).isEqualTo("roof repair");
        assertThat(cells.get(8).href()).isNull();
        assertThat(cells.stream().mapToInt(Cell::span).sum()).isEqualTo(14);
    }

    @Test
    void an_overlapping_bar_starts_after_the_one_before_it_ends_and_the_chart_keeps_its_width() {
        // given: a closure that overlaps the last night of a stay (the database refuses this; the page must still add up)
        StayLine stay = stay("Cy Berg", JULY_1, 3, BookingStatus.CONFIRMED);
        ClosureLine closure = new ClosureLine(UUID.randomUUID(), JULY_1.plusDays(2), JULY_1.plusDays(4), "leak");

        // when
        List<Cell> cells = row(List.of(stay), List.of(closure)).cells();

        // then
        assertThat(cells.subList(0, 2)).extracting(Cell::kind, Cell::span).containsExactly(tuple("stay", 3), tuple("closed", 1));
        assertThat(cells.stream().mapToInt(Cell::span).sum()).isEqualTo(14);
    }

    @Test
    void the_header_names_each_day_and_the_chart_its_last() {
        // when
        TapeChartView view = TapeChartView.of(new TapeChart(JULY_1, 14, List.of()), booking -> "");

        // then
        assertThat(view.dates()).hasSize(14);
        assertThat(view.dates().get(0)).extracting(TapeChartView.Day::weekday, TapeChartView.Day::day).containsExactly("Thu", "1 Jul");
        assertThat(view.last()).isEqualTo(LocalDate.of(2027, 7, 14));
    }
}
