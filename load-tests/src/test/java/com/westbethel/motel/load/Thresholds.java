package com.westbethel.motel.load;

import static io.gatling.javaapi.core.CoreDsl.global;

import io.gatling.javaapi.core.Assertion;
import java.util.List;

/**
 * The spec's bar for every scenario: 95% of requests answered within 1 s, 99% within 2 s, and fewer than 0.1% failed.
 * A 409 for a room type sold out meanwhile is the right answer to a race between guests, not a failure.
 */
final class Thresholds {

    static final int P95_MILLIS = 1_000;
    static final int P99_MILLIS = 2_000;
    static final double ERROR_PERCENT = 0.1;

    private Thresholds() {
    }

    /** The same bar as Gatling assertions over the whole run, which fail the run (and the Maven goal) when missed. */
    static List<Assertion> asAssertions() {
        return List.of(
                global().responseTime().percentile(95).lt(P95_MILLIS),
                global().responseTime().percentile(99).lt(P99_MILLIS),
                global().failedRequests().percent().lt(ERROR_PERCENT));
    }

    static boolean met(long p95, long p99, double errorPercent) {
        return p95 < P95_MILLIS && p99 < P99_MILLIS && errorPercent < ERROR_PERCENT;
    }
}
