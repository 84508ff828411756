package com.westbethel.motel.domain.dashboard;

import java.time.Instant;

/** What one replica's meters read at one moment. */
public record MetricSample(Replica replica, Instant sampledAt, ProcessTotals totals) {
}
