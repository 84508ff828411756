package com.westbethel.motel.domain.dashboard;

/**
 * One process's meters at one moment: counters cumulative since the process started (requests and 5xx answers of the
 * API, excluding the actuator; their summed time; cache hits and misses), gauges as they are now (database connections).
 */
public record ProcessTotals(long requests, long errors, long requestTimeMs, int dbActive, int dbMax, int dbPending, long cacheHits,
        long cacheMisses) {

    public ProcessTotals {
        if (requests < 0 || errors < 0 || requestTimeMs < 0 || cacheHits < 0 || cacheMisses < 0) {
            throw new IllegalArgumentException("Counters are not negative");
        }
    }
}
