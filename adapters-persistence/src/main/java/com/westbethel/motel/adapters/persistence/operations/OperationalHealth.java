package com.westbethel.motel.adapters.persistence.operations;

import org.springframework.boot.health.contributor.Status;

/**
 * The health status the project adds to Boot's: {@code DEGRADED}, "serving, but something needs a look" (an outbox that has
 * waited too long, a scheduled job that is late, a heap nearly full). Both deployables rank it between {@code OUT_OF_SERVICE}
 * and {@code UP} and answer it with HTTP 200 ({@code management.endpoint.health.status} in their application.yml), and no
 * indicator that reports it belongs to the readiness or liveness group: a load balancer keeps sending traffic, and an
 * orchestrator does not restart the process, for something a restart would not mend.
 */
public final class OperationalHealth {

    public static final Status DEGRADED = new Status("DEGRADED", "Serving, but something needs a look");

    private OperationalHealth() {
    }
}
