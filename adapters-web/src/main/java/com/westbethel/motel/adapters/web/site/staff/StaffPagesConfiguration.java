package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.application.audit.port.in.QueryAuditLogUseCase;
import com.westbethel.motel.application.booking.port.in.BookWalkInUseCase;
import com.westbethel.motel.application.booking.port.in.BrowseRoomTypesUseCase;
import com.westbethel.motel.application.booking.port.in.CancelBookingUseCase;
import com.westbethel.motel.application.booking.port.in.FrontDeskUseCase;
import com.westbethel.motel.application.booking.port.in.RoomHousekeepingUseCase;
import com.westbethel.motel.application.booking.port.in.SearchBookingsUseCase;
import com.westbethel.motel.application.booking.port.in.TakeDeskPaymentUseCase;
import com.westbethel.motel.application.booking.port.in.ViewBookingRecordUseCase;
import com.westbethel.motel.application.booking.port.in.ViewFrontDeskUseCase;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase;
import com.westbethel.motel.application.dashboard.port.in.ViewDashboardUseCase;
import com.westbethel.motel.application.identity.port.in.ManageUserAccountsUseCase;
import com.westbethel.motel.application.notification.port.in.AdministerEmailQueueUseCase;
import com.westbethel.motel.application.notification.port.in.InspectEmailQueueUseCase;
import com.westbethel.motel.application.notification.port.in.ManageEmailTemplatesUseCase;
import com.westbethel.motel.application.reporting.port.in.ReportOccupancyUseCase;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the staff console's pages, whose controllers stay package-private; the bootstrap imports this. */
@Configuration(proxyBeanMethods = false)
public class StaffPagesConfiguration {

    /** Named for the templates: {@code ${@staffLabels.of(status)}}. */
    @Bean
    StaffLabels staffLabels() {
        return new StaffLabels();
    }

    @Bean
    StaffTodayController staffTodayController(ViewFrontDeskUseCase view, FrontDeskUseCase frontDesk) {
        return new StaffTodayController(view, frontDesk);
    }

    @Bean
    StaffHousekeepingController staffHousekeepingController(RoomHousekeepingUseCase housekeeping) {
        return new StaffHousekeepingController(housekeeping);
    }

    @Bean
    StaffBookingsController staffBookingsController(SearchBookingsUseCase search, ViewBookingRecordUseCase records,
            CancelBookingUseCase cancellations, TakeDeskPaymentUseCase deskPayments, FrontDeskUseCase frontDesk, BrowseRoomTypesUseCase motel,
            StaffLabels staffLabels, Clock clock) {
        return new StaffBookingsController(search, records, cancellations, deskPayments, frontDesk, motel, staffLabels, clock);
    }

    @Bean
    StaffWalkInController staffWalkInController(BrowseRoomTypesUseCase motel, BookWalkInUseCase walkIns, Clock clock) {
        return new StaffWalkInController(motel, walkIns, clock);
    }

    @Bean
    StaffTapeChartController staffTapeChartController(ViewTapeChartUseCase tapeChart, FrontDeskUseCase frontDesk) {
        return new StaffTapeChartController(tapeChart, frontDesk);
    }

    @Bean
    StaffReportsController staffReportsController(ReportOccupancyUseCase reports) {
        return new StaffReportsController(reports);
    }

    @Bean
    StaffDashboardController staffDashboardController(ViewDashboardUseCase dashboard, BrowseRoomTypesUseCase motel, StaffLabels staffLabels) {
        return new StaffDashboardController(dashboard, motel, staffLabels);
    }

    @Bean
    StaffUsersController staffUsersController(ManageUserAccountsUseCase accounts) {
        return new StaffUsersController(accounts);
    }

    @Bean
    StaffEmailQueueController staffEmailQueueController(InspectEmailQueueUseCase inspect, AdministerEmailQueueUseCase queue,
            BrowseRoomTypesUseCase motel, StaffLabels staffLabels) {
        return new StaffEmailQueueController(inspect, queue, motel, staffLabels);
    }

    @Bean
    StaffEmailTemplatesController staffEmailTemplatesController(ManageEmailTemplatesUseCase templates) {
        return new StaffEmailTemplatesController(templates);
    }

    @Bean
    StaffAuditController staffAuditController(QueryAuditLogUseCase audit, BrowseRoomTypesUseCase motel, StaffLabels staffLabels) {
        return new StaffAuditController(audit, motel, staffLabels);
    }
}
