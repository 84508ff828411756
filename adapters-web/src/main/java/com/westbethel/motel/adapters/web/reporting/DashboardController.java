package com.westbethel.motel.adapters.web.reporting;

import com.westbethel.motel.application.dashboard.port.in.ViewDashboardUseCase;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/admin/dashboard for staff and admins: the live figures the console's dashboard draws. */
@Tag(name = "Reports")
@RestController
@RequestMapping("/api/v1/admin/dashboard")
class DashboardController {

    private final ViewDashboardUseCase dashboard;

    DashboardController(ViewDashboardUseCase dashboard) {
        this.dashboard = dashboard;
    }

    @Operation(summary = "The live dashboard's figures, and the last hour minute by minute")
    @GetMapping("/metrics")
    DashboardJson metrics() {
        return DashboardJson.of(dashboard.dashboard());
    }
}
