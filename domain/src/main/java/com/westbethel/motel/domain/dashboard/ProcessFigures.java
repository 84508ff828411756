package com.westbethel.motel.domain.dashboard;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The process figures of the whole system from the samples of every replica.
 *
 * <p>Each replica's rates come from its own consecutive samples (the change of a counter over the time between the two
 * samples, both taken by that replica's clock), so clocks that differ between replicas do not matter. A pair whose counter
 * went down (a process that reset its meters under the same id) is skipped rather than read as a negative rate. Rates are
 * then summed over the replicas: requests per second add up; an average response time is total time over total requests,
 * and an error rate total errors over total requests, which combine exactly across replicas (percentiles would not).
 *
 * <p>The headline figures count only live replicas (a sample within {@link #LIVE_WITHIN}): a stopped replica drops out. The
 * hour's series, minute by minute, counts every replica that served in that minute.
 */
public record ProcessFigures(BigDecimal requestsPerSecond, Optional<BigDecimal> averageResponseTimeMs, Optional<BigDecimal> errorRate,
        int dbConnectionsActive, Optional<BigDecimal> cacheHitRatio, List<Live> replicas, List<Minute> series) {

    /** A replica that has written no sample for this long is taken as stopped (three missed samples at the 10 s default). */
    public static final Duration LIVE_WITHIN = Duration.ofSeconds(30);
    /** The window of the headline rates. */
    public static final Duration RATE_WINDOW = Duration.ofMinutes(1);
    /** The window of the cache hit ratio: caches are read less often than requests arrive. */
    public static final Duration CACHE_WINDOW = Duration.ofMinutes(5);
    /** How far back the series goes, minute by minute. */
    public static final int SERIES_MINUTES = 60;

    public ProcessFigures {
        replicas = List.copyOf(replicas);
        series = List.copyOf(series);
    }

    /** A replica still writing samples, and when it wrote its last. */
    public record Live(Replica replica, Instant lastSampleAt, int dbActive) {
    }

    /** One minute of the series (its first instant); the rates as the headline defines them, over that minute's samples. */
    public record Minute(Instant minute, BigDecimal requestsPerSecond, Optional<BigDecimal> averageResponseTimeMs, Optional<BigDecimal> errorRate) {
    }

    /** The change between two consecutive samples of one replica, over the time between them. */
    private record Interval(Replica replica, Instant endsAt, long millis, long requests, long errors, long timeMs, long hits, long misses) {
    }

    public static ProcessFigures of(List<MetricSample> samples, Instant now) {
        Map<Replica, List<MetricSample>> byReplica = new LinkedHashMap<>();
        samples.stream().sorted(Comparator.comparing(MetricSample::sampledAt))
                .forEach(sample -> byReplica.computeIfAbsent(sample.replica(), ignored -> new ArrayList<>()).add(sample));
        List<Interval> intervals = new ArrayList<>();
        List<Live> live = new ArrayList<>();
        byReplica.forEach((replica, own) -> {
            for (int i = 1; i < own.size(); i++) {
                interval(own.get(i - 1), own.get(i)).ifPresent(intervals::add);
            }
            MetricSample last = own.get(own.size() - 1);
            if (!last.sampledAt().isBefore(now.minus(LIVE_WITHIN)) && !last.sampledAt().isAfter(now.plus(LIVE_WITHIN))) {
                live.add(new Live(replica, last.sampledAt(), last.totals().dbActive()));
            }
        });
        List<Replica> liveReplicas = live.stream().map(Live::replica).toList();
        List<Interval> lastMinute = within(intervals, now.minus(RATE_WINDOW), now).stream()
                .filter(interval -> liveReplicas.contains(interval.replica())).toList();
        List<Interval> lastFiveMinutes = within(intervals, now.minus(CACHE_WINDOW), now).stream()
                .filter(interval -> liveReplicas.contains(interval.replica())).toList();
        long hits = lastFiveMinutes.stream().mapToLong(Interval::hits).sum();
        long misses = lastFiveMinutes.stream().mapToLong(Interval::misses).sum();

        List<Minute> series = new ArrayList<>();
        Instant thisMinute = now.truncatedTo(ChronoUnit.MINUTES);
        for (int back = SERIES_MINUTES - 1; back >= 0; back--) {
            Instant minute = thisMinute.minus(Duration.ofMinutes(back));
            List<Interval> inMinute = within(intervals, minute.minusMillis(1), minute.plus(Duration.ofMinutes(1)).minusMillis(1));
            series.add(new Minute(minute, perSecond(inMinute), average(inMinute), errorRate(inMinute)));
        }
        return new ProcessFigures(perSecond(lastMinute), average(lastMinute), errorRate(lastMinute), live.stream().mapToInt(Live::dbActive).sum(),
                ratio(hits, hits + misses), live, series);
    }

    private static Optional<Interval> interval(MetricSample earlier, MetricSample later) {
        ProcessTotals a = earlier.totals();
        ProcessTotals b = later.totals();
        long millis = Duration.between(earlier.sampledAt(), later.sampledAt()).toMillis();
        boolean reset = b.requests() < a.requests() || b.errors() < a.errors() || b.requestTimeMs() < a.requestTimeMs()
                || b.cacheHits() < a.cacheHits() || b.cacheMisses() < a.cacheMisses();
        if (millis <= 0 || reset) {
            return Optional.empty();
        }
        return Optional.of(new Interval(later.replica(), later.sampledAt(), millis, b.requests() - a.requests(), b.errors() - a.errors(),
                b.requestTimeMs() - a.requestTimeMs(), b.cacheHits() - a.cacheHits(), b.cacheMisses() - a.cacheMisses()));
    }

    /** The intervals that end after {@code after} and no later than {@code until}. */
    private static List<Interval> within(List<Interval> intervals, Instant after, Instant until) {
        return intervals.stream().filter(interval -> interval.endsAt().isAfter(after) && !interval.endsAt().isAfter(until)).toList();
    }

    /** Each replica's requests over its own time, summed over the replicas, to two decimals. */
    private static BigDecimal perSecond(List<Interval> intervals) {
        Map<Replica, long[]> perReplica = new LinkedHashMap<>();
        intervals.forEach(interval -> {
            long[] sums = perReplica.computeIfAbsent(interval.replica(), ignored -> new long[2]);
            sums[0] += interval.requests();
            sums[1] += interval.millis();
        });
        BigDecimal total = BigDecimal.ZERO;
        for (long[] sums : perReplica.values()) {
            total = total.add(BigDecimal.valueOf(sums[0] * 1000L).divide(BigDecimal.valueOf(sums[1]), 6, RoundingMode.HALF_EVEN));
        }
        return total.setScale(2, RoundingMode.HALF_EVEN);
    }

    private static Optional<BigDecimal> average(List<Interval> intervals) {
        long requests = intervals.stream().mapToLong(Interval::requests).sum();
        long time = intervals.stream().mapToLong(Interval::timeMs).sum();
        return requests == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(time).divide(BigDecimal.valueOf(requests), 1, RoundingMode.HALF_EVEN));
    }

    private static Optional<BigDecimal> errorRate(List<Interval> intervals) {
        return ratio(intervals.stream().mapToLong(Interval::errors).sum(), intervals.stream().mapToLong(Interval::requests).sum());
    }

    private static Optional<BigDecimal> ratio(long part, long whole) {
        return whole == 0 ? Optional.empty() : Optional.of(BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN));
    }
}
