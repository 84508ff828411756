package com.westbethel.motel.domain.stay;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The nights a guest sleeps at the motel: from the check-in date up to, not including, the
 * check-out date. The check-out day is free for the next guest (same-day turnover), so two stays
 * overlap only when they share a night.
 */
public record Stay(LocalDate checkIn, LocalDate checkOut) {

    public Stay {
        Objects.requireNonNull(checkIn, "checkIn");
        Objects.requireNonNull(checkOut, "checkOut");
        if (!checkOut.isAfter(checkIn)) {
            throw new IllegalArgumentException("check-out (%s) must be after check-in (%s)".formatted(checkOut, checkIn));
        }
    }

    public static Stay of(LocalDate checkIn, int nights) {
        return new Stay(checkIn, checkIn.plusDays(nights));
    }

    public int nights() {
        return (int) ChronoUnit.DAYS.between(checkIn, checkOut);
    }

    /** Each night of the stay, named by the date the guest goes to sleep. */
    public Stream<LocalDate> nightsDates() {
        return checkIn.datesUntil(checkOut);
    }

    public boolean includesNight(LocalDate night) {
        return !night.isBefore(checkIn) && night.isBefore(checkOut);
    }

    public boolean overlaps(Stay other) {
        return checkIn.isBefore(other.checkOut) && other.checkIn.isBefore(checkOut);
    }
}
