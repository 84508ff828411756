package com.westbethel.motel.adapters.web.booking;

import com.westbethel.motel.application.booking.port.in.BookWalkInUseCase;
import com.westbethel.motel.application.booking.port.in.SearchBookingsUseCase;
import com.westbethel.motel.application.booking.port.in.TakeDeskPaymentUseCase;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the front desk console's API (walk-ins, desk payments, search, tape chart); the bootstrap imports this. */
@Configuration(proxyBeanMethods = false)
public class DeskBookingsWebConfiguration {

    @Bean
    DeskBookingsController deskBookingsController(BookWalkInUseCase walkIns, TakeDeskPaymentUseCase deskPayments, SearchBookingsUseCase search,
            ViewTapeChartUseCase tapeChart) {
        return new DeskBookingsController(walkIns, deskPayments, search, tapeChart);
    }
}
