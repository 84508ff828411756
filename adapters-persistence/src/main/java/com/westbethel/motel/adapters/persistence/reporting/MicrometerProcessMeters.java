package com.westbethel.motel.adapters.persistence.reporting;

import com.westbethel.motel.application.dashboard.port.out.ProcessMeters;
import com.westbethel.motel.domain.dashboard.ProcessTotals;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Measurement;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Statistic;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;

/**
 * This process's totals as its meter registry holds them: {@code http.server.requests} (without the actuator's own
 * requests; a 5xx status is an error), the Hikari pool's gauges, and {@code cache.gets} by result, summed over caches.
 * A meter not registered (yet) counts zero.
 */
public record MicrometerProcessMeters(MeterRegistry registry) implements ProcessMeters {

    @Override
    public ProcessTotals totals() {
        long requests = 0;
        long errors = 0;
        double timeMs = 0;
        for (Timer timer : registry.find("http.server.requests").timers()) {
            String uri = timer.getId().getTag("uri");
            if (uri != null && uri.startsWith("/actuator")) {
                continue;
            }
            requests += timer.count();
            timeMs += timer.totalTime(TimeUnit.MILLISECONDS);
            String status = timer.getId().getTag("status");
            if (status != null && status.startsWith("5")) {
                errors += timer.count();
            }
        }
        return new ProcessTotals(requests, errors, Math.round(timeMs), gauge("hikaricp.connections.active"), gauge("hikaricp.connections.max"),
                gauge("hikaricp.connections.pending"), count("cache.gets", "hit"), count("cache.gets", "miss"));
    }

    private int gauge(String name) {
        return (int) Math.round(registry.find(name).gauges().stream().mapToDouble(Gauge::value).filter(Double::isFinite).sum());
    }

    private long count(String name, String result) {
        double total = 0;
        for (Meter meter : registry.find(name).tag("result", result).meters()) {
            for (Measurement measurement : meter.measure()) {
                if (measurement.getStatistic() == Statistic.COUNT && Double.isFinite(measurement.getValue())) {
                    total += measurement.getValue();
                }
            }
        }
        return Math.round(total);
    }
}
