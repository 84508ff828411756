package com.westbethel.motel.domain.reporting;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The nights a report covers: from {@code from} to {@code to}, both nights included (a month is the 1st to its last
 * day), at most {@link #MAX_NIGHTS}, so that a year, leap or not, fits and nothing larger is computed by accident.
 */
public record ReportPeriod(LocalDate from, LocalDate to) {

    public static final int MAX_NIGHTS = 366;

    public ReportPeriod {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
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
