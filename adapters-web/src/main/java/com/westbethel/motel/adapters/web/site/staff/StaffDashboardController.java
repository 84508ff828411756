package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.application.booking.port.in.BrowseRoomTypesUseCase;
import com.westbethel.motel.application.dashboard.port.in.ViewDashboardUseCase;
import com.westbethel.motel.application.dashboard.port.in.ViewDashboardUseCase.Dashboard;
import com.westbethel.motel.domain.dashboard.ProcessFigures;
import com.westbethel.motel.domain.dashboard.ProcessFigures.Minute;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * {@code /staff/dashboard}: the live figures of the whole system (every replica's samples, as the dashboard API has them)
 * and the last hour as small server-drawn charts, each with its text alternative. The page works as drawn; dashboard.js
 * only fetches it again every half minute and swaps the figures in, and can be turned off on the page.
 */
@Controller
class StaffDashboardController {

    private final ViewDashboardUseCase dashboard;
    private final BrowseRoomTypesUseCase motel;
    private final StaffLabels labels;

    StaffDashboardController(ViewDashboardUseCase dashboard, BrowseRoomTypesUseCase motel, StaffLabels labels) {
        this.dashboard = dashboard;
        this.motel = motel;
        this.labels = labels;
    }

    /** One headline figure in words. */
    record Figure(String label, String value) {
    }

    @GetMapping("/staff/dashboard")
    String dashboard(Model model) {
        Dashboard now = dashboard.dashboard();
        ProcessFigures process = now.process();
        model.addAttribute("at", labels.clock(now.at(), StaffLabels.motelZone(motel)));
        model.addAttribute("replicas", process.replicas().size());
        model.addAttribute("figures", List.of(
                new Figure("Active users", Long.toString(now.activeUsers())),
                new Figure("Active sessions", Long.toString(now.activeSessions())),
                new Figure("Requests per second", process.requestsPerSecond().toPlainString()),
                new Figure("Average response time", process.averageResponseTimeMs().map(StaffDashboardController::millis).orElse("no requests")),
                new Figure("Error rate", process.errorRate().map(StaffFormat::percent).orElse("no requests")),
                new Figure("Database connections in use", Integer.toString(process.dbConnectionsActive())),
                new Figure("Cache hit ratio", process.cacheHitRatio().map(StaffFormat::percent).orElse("no cache reads")),
                new Figure("Bookings in the last hour", Long.toString(now.recentBookings())),
                new Figure("Revenue today", StaffFormat.money(now.revenueToday()))));
        List<Minute> series = process.series();
        model.addAttribute("charts", List.of(
                Sparkline.of("Requests per second", values(series, minute -> Optional.of(minute.requestsPerSecond())), BigDecimal::toPlainString),
                Sparkline.of("Average response time", values(series, Minute::averageResponseTimeMs), StaffDashboardController::millis),
                Sparkline.of("Error rate", values(series, Minute::errorRate), StaffFormat::percent),
                Sparkline.of("Bookings per minute", now.bookingsPerMinute().stream().map(count -> Optional.of(BigDecimal.valueOf(count))).toList(),
                        BigDecimal::toPlainString)));
        return "staff/dashboard";
    }

    private static List<Optional<BigDecimal>> values(List<Minute> series, Function<Minute, Optional<BigDecimal>> figure) {
        return series.stream().map(figure).toList();
    }

    private static String millis(BigDecimal value) {
        return value.toPlainString() + " ms";
    }
}
