package com.westbethel.motel.domain.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The nights a report covers: from {@code from} to {@code to}, both nights included (a month is the 1st to its last
 * day), at most {@link #MAX_NIGHTS}, so that a year, leap or not, fits and nothing larger is computed by accident; and in
 * years written with four digits (a year such as +999999999 is refused here, as invalid, rather than sent to the database).
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final int MAX_NIGHTS = 366;
    private static final int FIRST_YEAR = 1000;
    private static final int LAST_YEAR = 9999;

    public ReportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (from.getYear() < FIRST_YEAR || to.getYear() > LAST_YEAR) {
            throw new IllegalArgumentException("A report's nights are in the years %d to %d.".formatted(FIRST_YEAR, LAST_YEAR));
        }
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("to (%s) is before from (%s).".formatted(to, from));
        }
        long nights = ChronoUnit.DAYS.between(from, to) + 1;
        if (nights > MAX_NIGHTS) {
            throw new IllegalArgumentException("A report covers at most %d nights; %s to %s is %d.".formatted(MAX_NIGHTS, from, to, nights));
        }
    }

    public int nights() {
        return (int) ChronoUnit.DAYS.between(from, to) + 1;
    }

    /** The day after the last night: the end of the period as a half-open range, like a stay's check-out. */
    public LocalDate end() {
        return to.plusDays(1);
    }

    public Stream<LocalDate> dates() {
        return from.datesUntil(end());
    }

    public boolean includes(LocalDate night) {
        return !night.isBefore(from) && !night.isAfter(to);
    }
}
