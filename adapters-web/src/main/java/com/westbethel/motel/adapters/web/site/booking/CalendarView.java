package com.westbethel.motel.adapters.web.site.booking;

import com.westbethel.motel.application.booking.port.in.ViewPriceCalendarUseCase.Night;
import com.westbethel.motel.application.booking.port.in.ViewPriceCalendarUseCase.NightStatus;
import com.westbethel.motel.application.booking.port.in.ViewPriceCalendarUseCase.PriceCalendar;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A month of the price calendar laid out as the page's table: weeks from Sunday, one cell per night. A free night is
 * a link to a stay starting that night (as long as the season's minimum stay), so the calendar works without
 * JavaScript; {@code calendar.js} turns two clicks into a check-in and a check-out instead.
 *
 * @param previousHref the previous month with the form's fields kept, or null before the calendar's first month
 * @param nextHref the next month, or null after the calendar's last month
 */
record CalendarView(String caption, String guests, String previousHref, String previousLabel, String nextHref, String nextLabel,
        List<Weekday> weekdays, List<List<Cell>> weeks) {

    /** The column headings, Sunday first. */
    static final List<Weekday> WEEKDAYS = List.of(DayOfWeek.SUNDAY, DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY, DayOfWeek.FRIDAY, DayOfWeek.SATURDAY).stream()
            .map(day -> new Weekday(day.getDisplayName(TextStyle.SHORT, Locale.US), day.getDisplayName(TextStyle.FULL, Locale.US)))
            .toList();

    record Weekday(String abbreviation, String name) {
    }

    /**
     * One day of the grid.
     *
     * @param day the day of the month, or 0 for the padding before the 1st and after the last day
     * @param state {@code free}, {@code full}, {@code past} or {@code pad}
     * @param description the night in words for screen readers ("Thursday 1 July 2027: free, from $120 a night")
     * @param chosen whether the night belongs to the stay the form asks for
     */
    record Cell(int day, String date, String state, String price, String href, String description, boolean chosen) {

        static final Cell PAD = new Cell(0, "", "pad", "", null, "", false);
    }

    static CalendarView of(PriceCalendar calendar, SearchForm form, Optional<SearchForm.Query> stay) {
        List<Cell> cells = new ArrayList<>();
        LocalDate first = calendar.month().atDay(1);
        // Sunday first, as American calendars are: pad from the Sunday before the 1st.
        int padding = first.getDayOfWeek().getValue() % 7;
        for (int pad = 0; pad < padding; pad++) {
            cells.add(Cell.PAD);
        }
        for (Night night : calendar.nights()) {
            cells.add(cell(night, calendar, form, stay));
        }
        while (cells.size() % 7 != 0) {
            cells.add(Cell.PAD);
        }
        List<List<Cell>> weeks = new ArrayList<>();
        for (int start = 0; start < cells.size(); start += 7) {
            weeks.add(List.copyOf(cells.subList(start, start + 7)));
        }
        YearMonth previous = calendar.month().minusMonths(1);
        YearMonth next = calendar.month().plusMonths(1);
        return new CalendarView(SiteFormat.month(calendar.month()), SiteFormat.guests(calendar.guests()),
                previous.isBefore(calendar.first()) ? null : monthLink(form, previous), SiteFormat.month(previous),
                next.isAfter(calendar.last()) ? null : monthLink(form, next), SiteFormat.month(next), WEEKDAYS, weeks);
    }

    private static Cell cell(Night night, PriceCalendar calendar, SearchForm form, Optional<SearchForm.Query> stay) {
        LocalDate date = night.date();
        boolean chosen = stay.filter(asked -> !date.isBefore(asked.checkIn()) && date.isBefore(asked.checkOut())).isPresent();
        String words = SiteFormat.longDate(date);
        if (night.status() == NightStatus.PAST) {
            return new Cell(date.getDayOfMonth(), date.toString(), "past", "", null, words + ": past", chosen);
        }
        if (night.status() == NightStatus.FULL) {
            return new Cell(date.getDayOfMonth(), date.toString(), "full", "Full", null, words + ": no room free", chosen);
        }
        String price = SiteFormat.shortMoney(night.lowestRate().orElseThrow());
        String minimum = night.minimumStay() > 1 ? ", stays of at least %d nights".formatted(night.minimumStay()) : "";
        String href = form.link()
                .replaceQueryParam("checkIn", date)
                .replaceQueryParam("checkOut", date.plusDays(night.minimumStay()))
                .replaceQueryParam("guests", calendar.guests())
                .replaceQueryParam("month", calendar.month())
                .fragment("results")
                .build()
                .encode()
                .toUriString();
        return new Cell(date.getDayOfMonth(), date.toString(), "free", price, href, words + ": free, from " + price + " a night" + minimum, chosen);
    }

    private static String monthLink(SearchForm form, YearMonth month) {
        return form.link().replaceQueryParam("month", month).fragment("calendar").build().encode().toUriString();
    }
}
