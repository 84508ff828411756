package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.ClosureLine;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.RoomLine;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.StayLine;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.TapeChart;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Function;

/**
 * The tape chart as the page's table draws it: per room, the days shown cut into cells, an empty one per free night and one
 * spanning cell ({@code colspan}) per stay or closure, clipped to the days shown. Stays and closures of one room never
 * overlap (the database refuses both), so a night belongs to at most one bar; should two ever overlap, the later one's bar
 * starts after the earlier one ends rather than hiding it.
 */
record TapeChartView(LocalDate from, LocalDate last, int days, List<Day> dates, List<Row> rows) {

    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE", Locale.US);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.US);

    record Day(LocalDate date, String weekday, String day) {
    }

    /** A room: its number, type, housekeeping in words, whether it is in service, and its cells left to right. */
    record Row(String number, String roomType, String housekeeping, boolean inService, List<Cell> cells) {
    }

    /**
     * One cell: an empty night ({@code kind} "free"), or a bar ("stay" or "closed") spanning {@code span} nights.
     *
     * @param status a stay's status in words, or the closure's reason
     * @param href a stay's link to pick it for a move; null for other cells
     * @param before the bar began before the first day shown
     * @param after the bar goes on after the last day shown
     */
    record Cell(String kind, int span, String label, String status, String statusName, String href, boolean before, boolean after,
            String dates) {

        static Cell free() {
            return new Cell("free", 1, null, null, null, null, false, false, null);
        }
    }

    /** A bar before it is clipped to the chart: from its first night up to, not including, {@code ends}. */
    private record Bar(LocalDate starts, LocalDate ends, Cell cell) {
    }

    static TapeChartView of(TapeChart chart, Function<UUID, String> moveHref) {
        StaffLabels labels = new StaffLabels();
        LocalDate until = chart.from().plusDays(chart.days());
        List<Day> dates = chart.from().datesUntil(until).map(date -> new Day(date, WEEKDAY.format(date), DAY.format(date))).toList();
        List<Row> rows = chart.rooms().stream().map(room -> new Row(room.number(), room.roomType(), labels.of(room.housekeeping()), room.inService(),
                cells(bars(room, labels, moveHref), chart.from(), until))).toList();
        return new TapeChartView(chart.from(), until.minusDays(1), chart.days(), dates, rows);
    }

    private static List<Bar> bars(RoomLine room, StaffLabels labels, Function<UUID, String> moveHref) {
        List<Bar> bars = new ArrayList<>();
        for (StayLine stay : room.stays()) {
            bars.add(new Bar(stay.checkIn(), stay.checkOut(), new Cell("stay", 0, stay.guestName(), labels.of(stay.status()),
                    stay.status().name().toLowerCase(Locale.ROOT), moveHref.apply(stay.bookingId()), false, false,
                    "%s, %s to %s".formatted(stay.reference(), DAY.format(stay.checkIn()), DAY.format(stay.checkOut())))));
        }
        for (ClosureLine closure : room.closures()) {
            bars.add(new Bar(closure.starts(), closure.ends(), new Cell("closed", 0, "Closed", closure.reason(), "closed", null, false, false,
                    "%s to %s".formatted(DAY.format(closure.starts()), DAY.format(closure.ends())))));
        }
        bars.sort((a, b) -> a.starts().compareTo(b.starts()));
        return bars;
    }

    /** Left to right: free nights as single cells, each bar as one cell over its nights within [from, until). */
    private static List<Cell> cells(List<Bar> bars, LocalDate from, LocalDate until) {
        List<Cell> cells = new ArrayList<>();
        LocalDate night = from;
        for (Bar bar : bars) {
            LocalDate starts = bar.starts().isBefore(night) ? night : bar.starts();
            LocalDate ends = bar.ends().isAfter(until) ? until : bar.ends();
            if (!starts.isBefore(ends)) {
                continue; // wholly before the nights still to draw (or an overlap already drawn)
            }
            for (; night.isBefore(starts); night = night.plusDays(1)) {
                cells.add(Cell.free());
            }
            Cell cell = bar.cell();
            cells.add(new Cell(cell.kind(), (int) ChronoUnit.DAYS.between(starts, ends), cell.label(), cell.status(), cell.statusName(), cell.href(),
                    bar.starts().isBefore(from), bar.ends().isAfter(until), cell.dates()));
            night = ends;
        }
        for (; night.isBefore(until); night = night.plusDays(1)) {
            cells.add(Cell.free());
        }
        return cells;
    }
}
