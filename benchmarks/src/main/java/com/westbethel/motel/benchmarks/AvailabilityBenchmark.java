package com.westbethel.motel.benchmarks;

import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.SearchAvailabilityUseCase.Availability;
import com.westbethel.motel.application.booking.service.BookingSettings;
import com.westbethel.motel.application.booking.service.SearchAvailabilityService;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;

/**
 * An availability answer computed in process (issue 12): {@link SearchAvailabilityService} over the ports of an
 * {@link InMemoryMotel} (10 room types, 40 rooms, a year of monthly rate plans, bookings filling 70% of the year), for
 * random stays of 1 to 14 nights over the next year, with and without a promotion code. The stays are drawn before
 * measuring, 4,096 of them taken in turn. What PostgreSQL adds is measured by the load tests.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AvailabilityBenchmark extends MeasuredBenchmark {

    private static final int STAYS = 4_096;

    private SearchAvailabilityService search;
    private final LocalDate[] checkIns = new LocalDate[STAYS];
    private final LocalDate[] checkOuts = new LocalDate[STAYS];
    private final int[] parties = new int[STAYS];
    private final Optional<String> code = Optional.of("welcome10");
    private int next;

    @Setup
    public void aYearOfTheMotel() {
        Clock clock = Clock.fixed(Instant.parse("2027-01-10T15:00:00Z"), ZoneId.of("UTC"));
        LocalDate tomorrow = LocalDate.of(2027, 1, 11);
        InMemoryMotel motel = new InMemoryMotel(tomorrow, 0.7, 42);
        search = new SearchAvailabilityService(motel, motel, BookingSettings.defaults(), clock);
        Random random = new Random(7);
        for (int i = 0; i < STAYS; i++) {
            checkIns[i] = tomorrow.plusDays(random.nextInt(350));
            checkOuts[i] = checkIns[i].plusDays(1 + random.nextInt(14));
            parties[i] = 1 + random.nextInt(3);
        }
    }

    @Benchmark
    public Outcome<Availability> searchARandomStay() {
        int stay = nextStay();
        return search.search(checkIns[stay], checkOuts[stay], parties[stay]);
    }

    @Benchmark
    public Outcome<Availability> searchARandomStayWithAPromotionCode() {
        int stay = nextStay();
        return search.search(checkIns[stay], checkOuts[stay], parties[stay], code);
    }

    private int nextStay() {
        next = (next + 1) & (STAYS - 1);
        return next;
    }
}
