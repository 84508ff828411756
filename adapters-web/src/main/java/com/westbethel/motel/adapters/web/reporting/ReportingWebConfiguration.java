package com.westbethel.motel.adapters.web.reporting;

import com.westbethel.motel.application.dashboard.port.in.ViewDashboardUseCase;
import com.westbethel.motel.application.reporting.port.in.ReportOccupancyUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the reports and dashboard controllers, which stay package-private; the bootstrap imports this. */
@Configuration(proxyBeanMethods = false)
public class ReportingWebConfiguration {

    @Bean
    ReportsController reportsController(ReportOccupancyUseCase reports) {
        return new ReportsController(reports);
    }

    @Bean
    DashboardController dashboardController(ViewDashboardUseCase dashboard) {
        return new DashboardController(dashboard);
    }
}
