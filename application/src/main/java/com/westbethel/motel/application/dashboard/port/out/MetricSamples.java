package com.westbethel.motel.application.dashboard.port.out;

import com.westbethel.motel.domain.dashboard.MetricSample;
import java.time.Instant;
import java.util.List;

/** The samples every replica writes, shared through the database. */
public interface MetricSamples {

    void record(MetricSample sample);

    /** Every replica's samples taken after {@code after}. */
    List<MetricSample> since(Instant after);

    /** Deletes the samples taken before {@code before}; how many. */
    int deleteBefore(Instant before);
}
