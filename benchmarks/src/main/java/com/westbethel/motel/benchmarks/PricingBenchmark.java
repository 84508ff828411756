package com.westbethel.motel.benchmarks;

import com.westbethel.motel.domain.booking.StayPricing;
import com.westbethel.motel.domain.booking.StayQuote;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.shared.Money;
import com.westbethel.motel.domain.stay.Stay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * The in-process part of an availability answer (issue 4): a 14-night stay priced night by night for
 * each of 20 room types, each with three seasons of rate plans, the stay crossing a season boundary.
 * The database's free-room count is measured by the load test instead.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class PricingBenchmark extends MeasuredBenchmark {

    private static final LocalDate SUMMER = LocalDate.of(2027, 6, 15);

    private final List<RoomType> roomTypes = new ArrayList<>();
    private final List<RatePlan> ratePlans = new ArrayList<>();
    private Stay fortnightAcrossASeasonBoundary;

    @Setup
    public void aMotelWithTwentyRoomTypes() {
        PropertyId property = new PropertyId(UUID.randomUUID());
        for (int i = 0; i < 20; i++) {
            RoomType type = new RoomType(RoomTypeId.random(), property, "Type " + i, "", 2 + i % 4, Money.of((89 + i * 10) + ".00", "USD"), List.of());
            roomTypes.add(type);
            ratePlans.add(plan(type, SUMMER.minusDays(60), SUMMER, "0.00", "10.00"));
            ratePlans.add(plan(type, SUMMER, SUMMER.plusDays(92), "20.00", "40.00"));
            ratePlans.add(plan(type, SUMMER.plusDays(97), SUMMER.plusDays(127), "30.00", "50.00"));
        }
        fortnightAcrossASeasonBoundary = Stay.of(SUMMER.minusDays(7), 14);
    }

    @Benchmark
    public void priceAFortnightForTwentyRoomTypes(Blackhole out) {
        for (RoomType type : roomTypes) {
            StayQuote quote = StayPricing.quote(type, ratePlans, fortnightAcrossASeasonBoundary);
            out.consume(quote);
        }
    }

    private static RatePlan plan(RoomType type, LocalDate from, LocalDate until, String weekdayExtra, String weekendExtra) {
        return new RatePlan(UUID.randomUUID(), type.id(), "season", from, until, type.baseRate().plus(Money.of(weekdayExtra, "USD")),
                type.baseRate().plus(Money.of(weekendExtra, "USD")), 2);
    }
}
