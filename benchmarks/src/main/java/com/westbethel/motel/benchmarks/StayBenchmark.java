package com.westbethel.motel.benchmarks;

import com.westbethel.motel.domain.shared.Money;
import com.westbethel.motel.domain.stay.Stay;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Setup;

/**
 * The two domain operations every availability answer repeats: does a requested stay clash with a
 * room's existing stays, and what do its nights cost. A season of bookings for a 16-room motel is
 * about 500 stays; a search is for a 14-night stay.
 */
public class StayBenchmark extends MeasuredBenchmark {

    private static final LocalDate SEASON_START = LocalDate.of(2027, 5, 1);

    private final List<Stay> bookedStays = new ArrayList<>();
    private Stay requested;
    private Money weekdayRate;
    private Money weekendRate;

    @Setup
    public void bookASeason() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 500; i++) {
            bookedStays.add(Stay.of(SEASON_START.plusDays(random.nextInt(150)), 1 + random.nextInt(7)));
        }
        requested = Stay.of(SEASON_START.plusDays(60), 14);
        weekdayRate = Money.of("89.00", "USD");
        weekendRate = Money.of("119.00", "USD");
    }

    @Benchmark
    public long countClashesAmongASeasonOfStays() {
        long clashes = 0;
        for (Stay booked : bookedStays) {
            if (booked.overlaps(requested)) {
                clashes++;
            }
        }
        return clashes;
    }

    @Benchmark
    public Money priceFourteenNightsAtWeekdayAndWeekendRates() {
        return requested.nightsDates()
                .map(night -> isWeekendNight(night) ? weekendRate : weekdayRate)
                .reduce(Money.zero(weekdayRate.currency()), Money::plus);
    }

    private static boolean isWeekendNight(LocalDate night) {
        DayOfWeek day = night.getDayOfWeek();
        return day == DayOfWeek.FRIDAY || day == DayOfWeek.SATURDAY;
    }
}
