package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.domain.shared.Money;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Anyone looks at a month: which nights have a room for the party, and from what price. */
public interface ViewPriceCalendarUseCase {

    /** How far ahead the calendar looks, counting the motel's current month as 0. */
    int MONTHS_AHEAD = 24;

    /** @param month the month to show; empty for the motel's current month (the web has no clock of its own) */
    Outcome<PriceCalendar> calendar(Optional<YearMonth> month, int guests);

    /**
     * @param today the date at the motel; nights before it are {@link NightStatus#PAST}
     * @param first the first month the calendar shows (the motel's current month)
     * @param last the last month the calendar shows
     * @param nights every night of the month, in order
     */
    record PriceCalendar(YearMonth month, int guests, LocalDate today, YearMonth first, YearMonth last, List<Night> nights) {

        public PriceCalendar {
            nights = List.copyOf(nights);
        }
    }

    /**
     * One night of the month.
     *
     * @param lowestRate for a free night, the lowest nightly rate among the room types that sleep the party and have a
     *        room free that night; otherwise empty
     * @param minimumStay the minimum stay the season asks of a stay including this night in that cheapest room type
     *        (1 when the night is not free)
     */
    record Night(LocalDate date, NightStatus status, Optional<Money> lowestRate, int minimumStay) {

        public Night {
            Objects.requireNonNull(date, "date");
            Objects.requireNonNull(status, "status");
            Objects.requireNonNull(lowestRate, "lowestRate");
            if (lowestRate.isPresent() != (status == NightStatus.FREE)) {
                throw new IllegalArgumentException("a night has a price exactly when it is free");
            }
        }
    }

    enum NightStatus {
        /** Before today at the motel: not bookable. */
        PAST,
        /** At least one room type that sleeps the party has a room free that night. */
        FREE,
        /** No room type that sleeps the party has a room free that night. */
        FULL
    }
}
