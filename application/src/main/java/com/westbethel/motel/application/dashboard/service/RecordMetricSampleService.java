package com.westbethel.motel.application.dashboard.service;

import com.westbethel.motel.application.dashboard.port.in.RecordMetricSampleUseCase;
import com.westbethel.motel.application.dashboard.port.out.MetricSamples;
import com.westbethel.motel.application.dashboard.port.out.ProcessMeters;
import com.westbethel.motel.domain.dashboard.MetricSample;
import com.westbethel.motel.domain.dashboard.Replica;
import java.time.Clock;
import java.time.Duration;

/** One replica's sampler: its meters under its own id, and the samples older than the retention removed. */
public record RecordMetricSampleService(ProcessMeters meters, MetricSamples samples, Replica replica, Clock clock, Duration retention)
        implements RecordMetricSampleUseCase {

    @Override
    public void recordSample() {
        var now = clock.instant();
        samples.record(new MetricSample(replica, now, meters.totals()));
        samples.deleteBefore(now.minus(retention));
    }
}
