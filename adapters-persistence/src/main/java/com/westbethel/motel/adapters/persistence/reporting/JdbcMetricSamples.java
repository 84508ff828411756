package com.westbethel.motel.adapters.persistence.reporting;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.instant;
import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.dashboard.port.out.MetricSamples;
import com.westbethel.motel.domain.dashboard.MetricSample;
import com.westbethel.motel.domain.dashboard.ProcessTotals;
import com.westbethel.motel.domain.dashboard.Replica;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** {@code metric_samples}: one row per replica and sample; the hour the dashboard reads is a range of its time index. */
public record JdbcMetricSamples(JdbcClient jdbc) implements MetricSamples {

    @Override
    public void record(MetricSample sample) {
        ProcessTotals totals = sample.totals();
        jdbc.sql("""
                        INSERT INTO metric_samples (replica, replica_name, sampled_at, requests, errors, request_time_ms, db_active, db_max,
                                                    db_pending, cache_hits, cache_misses)
                        VALUES (:replica, :name, :at, :requests, :errors, :time, :dbActive, :dbMax, :dbPending, :hits, :misses)
                        ON CONFLICT (replica, sampled_at) DO NOTHING
                        """)
                .param("replica", sample.replica().id())
                .param("name", sample.replica().name())
                .param("at", utc(sample.sampledAt()))
                .param("requests", totals.requests())
                .param("errors", totals.errors())
                .param("time", totals.requestTimeMs())
                .param("dbActive", totals.dbActive())
                .param("dbMax", totals.dbMax())
                .param("dbPending", totals.dbPending())
                .param("hits", totals.cacheHits())
                .param("misses", totals.cacheMisses())
                .update();
    }

    @Override
    public List<MetricSample> since(Instant after) {
        return jdbc.sql("SELECT * FROM metric_samples WHERE sampled_at > :after ORDER BY sampled_at")
                .param("after", utc(after))
                .query((row, number) -> new MetricSample(new Replica(row.getObject("replica", UUID.class), row.getString("replica_name")),
                        instant(row, "sampled_at"), new ProcessTotals(row.getLong("requests"), row.getLong("errors"), row.getLong("request_time_ms"),
                        row.getInt("db_active"), row.getInt("db_max"), row.getInt("db_pending"), row.getLong("cache_hits"), row.getLong("cache_misses"))))
                .list();
    }

    @Override
    public int deleteBefore(Instant before) {
        return jdbc.sql("DELETE FROM metric_samples WHERE sampled_at < :before").param("before", utc(before)).update();
    }
}
