package com.westbethel.motel.adapters.web.booking;

import com.westbethel.motel.application.booking.port.in.BookWalkInUseCase;
import com.westbethel.motel.application.booking.port.in.CancelBookingUseCase;
import com.westbethel.motel.application.booking.port.in.SearchBookingsUseCase;
import com.westbethel.motel.application.booking.port.in.TakeDeskPaymentUseCase;
import com.westbethel.motel.application.booking.port.in.ViewBookingRecordUseCase;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Registers the front desk console's API (walk-ins, desk payments, search, a booking's record and cancelling at the desk, tape
 * chart); the bootstrap imports this.
 */
@Configuration(proxyBeanMethods = false)
public class DeskBookingsWebConfiguration {

    @Bean
    DeskBookingsController deskBookingsController(BookWalkInUseCase walkIns, TakeDeskPaymentUseCase deskPayments, SearchBookingsUseCase search,
            ViewTapeChartUseCase tapeChart) {
        return new DeskBookingsController(walkIns, deskPayments, search, tapeChart);
    }

    @Bean
    BookingRecordController bookingRecordController(ViewBookingRecordUseCase records, CancelBookingUseCase cancellations) {
        return new BookingRecordController(records, cancellations);
    }
}
