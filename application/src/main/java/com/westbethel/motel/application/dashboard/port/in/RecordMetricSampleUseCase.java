package com.westbethel.motel.application.dashboard.port.in;

/**
 * Every API replica, every few seconds: writes its own meters' totals under its own replica id, and deletes samples past
 * their retention (an idempotent delete, so every replica may run it).
 */
public interface RecordMetricSampleUseCase {

    void recordSample();
}
