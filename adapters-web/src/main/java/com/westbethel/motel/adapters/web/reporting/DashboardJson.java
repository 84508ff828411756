package com.westbethel.motel.adapters.web.reporting;

import com.westbethel.motel.adapters.web.booking.MoneyJson;
import com.westbethel.motel.application.dashboard.port.in.ViewDashboardUseCase.Dashboard;
import io.swagger.v3.oas.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** GET /api/v1/admin/dashboard/metrics: the whole system's figures now, and the last hour minute by minute. */
@Schema(description = "Business figures from the database; process figures summed over the live API replicas (README, \"Reports and the dashboard API\")")
record DashboardJson(Instant at,
        @Schema(description = "Distinct users of the active sessions") long activeUsers,
        @Schema(description = "Requests per second over the last minute, summed over the live replicas", example = "12.50") BigDecimal requestsPerSecond,
        @Schema(description = "Total time over total requests, last minute; null without requests") BigDecimal averageResponseTimeMs,
        @Schema(description = "5xx answers over requests, last minute; null without requests") BigDecimal errorRate,
        @Schema(description = "Database connections in use, summed over the live replicas") int dbConnectionsActive,
        @Schema(description = "Cache hits over cache reads, last 5 minutes; null without reads") BigDecimal cacheHitRatio,
        @Schema(description = "Bookings made in the last hour") long recentBookings,
        @Schema(description = "Successful payments completed today at the motel less refunds given today") MoneyJson revenueToday,
        @Schema(description = "Account sessions not ended and seen in the last 30 minutes") long activeSessions,
        List<DashboardReplicaJson> replicas, List<DashboardMinuteJson> series) {

    record DashboardReplicaJson(String name, Instant lastSampleAt) {
    }

    record DashboardMinuteJson(Instant minute, BigDecimal requestsPerSecond, BigDecimal averageResponseTimeMs, BigDecimal errorRate, long bookings) {
    }

    static DashboardJson of(Dashboard dashboard) {
        var process = dashboard.process();
        List<DashboardMinuteJson> series = new ArrayList<>();
        for (int i = 0; i < process.series().size(); i++) {
            var minute = process.series().get(i);
            series.add(new DashboardMinuteJson(minute.minute(), minute.requestsPerSecond(), minute.averageResponseTimeMs().orElse(null),
                    minute.errorRate().orElse(null), dashboard.bookingsPerMinute().get(i)));
        }
        return new DashboardJson(dashboard.at(), dashboard.activeUsers(), process.requestsPerSecond(), process.averageResponseTimeMs().orElse(null),
                process.errorRate().orElse(null), process.dbConnectionsActive(), process.cacheHitRatio().orElse(null), dashboard.recentBookings(),
                MoneyJson.of(dashboard.revenueToday()), dashboard.activeSessions(),
                process.replicas().stream().map(live -> new DashboardReplicaJson(live.replica().name(), live.lastSampleAt())).toList(), series);
    }
}
