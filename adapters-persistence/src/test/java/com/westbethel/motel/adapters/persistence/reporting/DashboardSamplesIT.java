package com.westbethel.motel.adapters.persistence.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.adapters.persistence.SteppingClock;
import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.adapters.persistence.booking.JdbcInventory;
import com.westbethel.motel.application.dashboard.port.in.ViewDashboardUseCase.Dashboard;
import com.westbethel.motel.application.dashboard.port.out.ProcessMeters;
import com.westbethel.motel.application.dashboard.service.RecordMetricSampleService;
import com.westbethel.motel.application.dashboard.service.ViewDashboardService;
import com.westbethel.motel.domain.dashboard.ProcessTotals;
import com.westbethel.motel.domain.dashboard.Replica;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two API replicas sampling into one database, as in production: each writes its own meters under its own id, and the
 * dashboard, whichever replica serves it, shows their sum. A replica that stops drops out; one that restarts (its
 * counters back at zero, under a new id) never makes a rate negative. The replicas' meters are in-memory fakes; the
 * samples, the statements and the arithmetic are the real ones, at a moment of their own far from other runs' samples.
 */
class DashboardSamplesIT {

    private final DataSource dataSource = TestDatabase.migrated();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final JdbcMetricSamples samples = new JdbcMetricSamples(jdbc);
    private final SteppingClock clock = new SteppingClock(Instant.parse("2040-01-01T00:00:00Z")
            .plus(Duration.ofMinutes(ThreadLocalRandom.current().nextLong(5_000_000))));
    private final ViewDashboardService dashboard = new ViewDashboardService(samples, new JdbcBusinessPulse(jdbc), new JdbcInventory(jdbc), clock);

    @Test
    void two_replicas_sampling_into_one_database_are_summed() {
        FakeMeters first = new FakeMeters();
        FakeMeters second = new FakeMeters();
        RecordMetricSampleService api1 = sampler(first, "api-1");
        RecordMetricSampleService api2 = sampler(second, "api-2");

        for (int step = 0; step < 6; step++) {
            api1.recordSample();
            api2.recordSample();
            first.serve(80, 15, 1);    // 8 a second at 15 ms, one error each 10 s
            second.serve(40, 30, 0);   // 4 a second at 30 ms
            first.cache(9, 1);
            second.cache(3, 3);
            clock.advance(Duration.ofSeconds(10));
        }
        api1.recordSample();
        api2.recordSample();

        Dashboard now = dashboard.dashboard();
        assertThat(now.process().requestsPerSecond()).isEqualByComparingTo("12.00");
        // 6 x (80 x 15 + 40 x 30) ms over 6 x 120 requests = 20 ms; 6 errors in 720.
        assertThat(now.process().averageResponseTimeMs()).contains(new BigDecimal("20.0"));
        assertThat(now.process().errorRate()).contains(new BigDecimal("0.0083"));
        assertThat(now.process().dbConnectionsActive()).isEqualTo(first.dbActive + second.dbActive);
        assertThat(now.process().cacheHitRatio()).contains(new BigDecimal("0.7500"));
        assertThat(now.process().replicas()).extracting(live -> live.replica().name()).containsExactlyInAnyOrder("api-1", "api-2");
        assertThat(now.process().series()).hasSize(60);
        assertThat(now.bookingsPerMinute()).hasSize(60);
    }

    @Test
    void a_replica_that_stops_drops_out_and_one_that_restarts_never_gives_a_negative_rate() {
        FakeMeters first = new FakeMeters();
        FakeMeters second = new FakeMeters();
        RecordMetricSampleService api1 = sampler(first, "api-1");
        RecordMetricSampleService api2 = sampler(second, "api-2");
        for (int step = 0; step < 3; step++) {
            api1.recordSample();
            api2.recordSample();
            first.serve(100, 10, 0);
            second.serve(5_000, 10, 0);
            clock.advance(Duration.ofSeconds(10));
        }
        api1.recordSample();

        // api-2 stops; api-1 restarts 40 s later as a new process: new replica id, counters from zero.
        clock.advance(Duration.ofSeconds(40));
        FakeMeters restartedMeters = new FakeMeters();
        RecordMetricSampleService restarted = sampler(restartedMeters, "api-1");
        restarted.recordSample();
        restartedMeters.serve(50, 10, 0);
        clock.advance(Duration.ofSeconds(10));
        restarted.recordSample();

        Dashboard now = dashboard.dashboard();
        assertThat(now.process().replicas()).as("api-2 and the old api-1 wrote nothing for over 30 s").singleElement()
                .satisfies(live -> assertThat(live.replica().name()).isEqualTo("api-1"));
        assertThat(now.process().requestsPerSecond()).isEqualByComparingTo("5.00");
        assertThat(now.process().series()).allSatisfy(minute -> assertThat(minute.requestsPerSecond().signum()).isNotNegative());
        assertThat(now.process().series().stream().map(minute -> minute.requestsPerSecond()).reduce(BigDecimal.ZERO, BigDecimal::add))
                .as("the stopped replica's traffic stays in the hour's series").isGreaterThan(new BigDecimal("500"));
    }

    @Test
    void samples_past_their_retention_are_deleted_by_the_samplers() {
        RecordMetricSampleService api1 = sampler(new FakeMeters(), "api-1");
        api1.recordSample();
        Instant first = clock.instant();
        clock.advance(Duration.ofHours(2).plusSeconds(10));

        api1.recordSample();

        assertThat(jdbc.sql("SELECT count(*) FROM metric_samples WHERE sampled_at = :at").param("at", first.atOffset(ZoneOffset.UTC))
                .query(Long.class).single()).isZero();
        assertThat(samples.since(first.minusSeconds(1))).filteredOn(sample -> !sample.sampledAt().isAfter(clock.instant()))
                .singleElement().satisfies(sample -> assertThat(sample.sampledAt()).isEqualTo(clock.instant()));
    }

    @Test
    void the_meters_of_a_real_registry_are_read_as_totals_without_the_actuator() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        Timer ok = Timer.builder("http.server.requests").tags("uri", "/api/v1/room-types", "status", "200").register(registry);
        Timer failed = Timer.builder("http.server.requests").tags("uri", "/api/v1/bookings", "status", "503").register(registry);
        Timer actuator = Timer.builder("http.server.requests").tags("uri", "/actuator/prometheus", "status", "200").register(registry);
        ok.record(20, TimeUnit.MILLISECONDS);
        ok.record(40, TimeUnit.MILLISECONDS);
        failed.record(100, TimeUnit.MILLISECONDS);
        actuator.record(1, TimeUnit.SECONDS);
        Counter.builder("cache.gets").tags("cache", "rooms", "result", "hit").register(registry).increment(7);
        Counter.builder("cache.gets").tags("cache", "rates", "result", "hit").register(registry).increment(3);
        Counter.builder("cache.gets").tags("cache", "rooms", "result", "miss").register(registry).increment(2);
        registry.gauge("hikaricp.connections.active", 4);
        registry.gauge("hikaricp.connections.max", 20);

        ProcessTotals totals = new MicrometerProcessMeters(registry).totals();

        assertThat(totals).isEqualTo(new ProcessTotals(3, 1, 160, 4, 20, 0, 10, 2));
    }

    private RecordMetricSampleService sampler(ProcessMeters meters, String name) {
        return new RecordMetricSampleService(meters, samples, new Replica(UUID.randomUUID(), name), clock, Duration.ofHours(2));
    }

    /** One replica's meters: counters that only grow, as Micrometer's do while the process runs. */
    static final class FakeMeters implements ProcessMeters {

        long requests;
        long errors;
        long timeMs;
        long hits;
        long misses;
        final int dbActive = 1 + ThreadLocalRandom.current().nextInt(5);

        void serve(int count, int millisEach, int failed) {
            requests += count;
            errors += failed;
            timeMs += (long) count * millisEach;
        }

        void cache(int hit, int miss) {
            hits += hit;
            misses += miss;
        }

        @Override
        public ProcessTotals totals() {
            return new ProcessTotals(requests, errors, timeMs, dbActive, 10, 0, hits, misses);
        }
    }
}
