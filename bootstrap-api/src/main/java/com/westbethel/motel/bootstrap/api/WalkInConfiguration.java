package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.adapters.persistence.support.TransactionalUseCases.inTransactions;

import com.westbethel.motel.adapters.persistence.audit.JdbcAuditLog;
import com.westbethel.motel.adapters.persistence.booking.DeskBookingsPersistenceConfiguration;
import com.westbethel.motel.adapters.persistence.booking.JdbcBookingSearch;
import com.westbethel.motel.adapters.persistence.booking.JdbcBookings;
import com.westbethel.motel.adapters.persistence.booking.JdbcIdempotencyKeys;
import com.westbethel.motel.adapters.persistence.booking.JdbcInventory;
import com.westbethel.motel.adapters.persistence.booking.JdbcLoyaltyLedger;
import com.westbethel.motel.adapters.persistence.booking.JdbcPayments;
import com.westbethel.motel.adapters.persistence.booking.JdbcTapeChartReads;
import com.westbethel.motel.adapters.persistence.notification.JdbcEmailHistory;
import com.westbethel.motel.adapters.persistence.operations.MicrometerBusinessMetrics;
import com.westbethel.motel.application.booking.port.in.BookWalkInUseCase;
import com.westbethel.motel.application.booking.port.in.SearchBookingsUseCase;
import com.westbethel.motel.application.booking.port.in.TakeDeskPaymentUseCase;
import com.westbethel.motel.application.booking.port.in.ViewBookingRecordUseCase;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase;
import com.westbethel.motel.application.booking.service.BookWalkInService;
import com.westbethel.motel.application.booking.service.BookingSettings;
import com.westbethel.motel.application.booking.service.ManageLinks;
import com.westbethel.motel.application.booking.service.SearchBookingsService;
import com.westbethel.motel.application.booking.service.TakeDeskPaymentService;
import com.westbethel.motel.application.booking.service.ViewBookingRecordService;
import com.westbethel.motel.application.booking.service.ViewTapeChartService;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The front desk console's use cases: walk-ins, desk payments, the booking search, a booking's record and the tape chart. Every read here goes to
 * PostgreSQL ({@code JdbcInventory}, not the cache): staff need the truth, and the volume is small.
 */
@Configuration(proxyBeanMethods = false)
@Import(DeskBookingsPersistenceConfiguration.class)
class WalkInConfiguration {

    @Bean
    BookWalkInUseCase bookWalkInService(JdbcInventory inventory, JdbcBookings bookings, JdbcIdempotencyKeys idempotencyKeys, JdbcAuditLog auditLog,
            BookingSettings settings, Clock clock, MicrometerBusinessMetrics metrics, PlatformTransactionManager transactions) {
        return inTransactions(BookWalkInUseCase.class, new BookWalkInService(inventory, bookings, inventory, idempotencyKeys, auditLog, settings,
                clock, metrics), transactions);
    }

    @Bean
    TakeDeskPaymentUseCase takeDeskPaymentService(JdbcBookings bookings, JdbcInventory inventory, JdbcPayments payments, JdbcLoyaltyLedger loyalty,
            Users users, NotificationEvents events, JdbcAuditLog auditLog, ManageLinks manageLinks, Clock clock, MicrometerBusinessMetrics metrics,
            PlatformTransactionManager transactions) {
        return inTransactions(TakeDeskPaymentUseCase.class, new TakeDeskPaymentService(bookings, inventory, payments, loyalty, users, events,
                auditLog, manageLinks, clock, metrics), transactions);
    }

    @Bean
    SearchBookingsUseCase searchBookingsService(JdbcBookingSearch search, JdbcInventory inventory, BookingSettings settings,
            PlatformTransactionManager transactions) {
        return inTransactions(SearchBookingsUseCase.class, new SearchBookingsService(search, inventory, settings), transactions);
    }

    @Bean
    JdbcEmailHistory emailHistory(JdbcClient jdbc) {
        return new JdbcEmailHistory(jdbc);
    }

    @Bean
    ViewBookingRecordUseCase viewBookingRecordService(JdbcBookings bookings, JdbcInventory inventory, JdbcPayments payments,
            JdbcEmailHistory emails, JdbcAuditLog auditLog, BookingSettings settings, Clock clock, PlatformTransactionManager transactions) {
        return inTransactions(ViewBookingRecordUseCase.class, new ViewBookingRecordService(bookings, inventory, payments, emails, auditLog, settings,
                clock), transactions);
    }

    @Bean
    ViewTapeChartUseCase viewTapeChartService(JdbcInventory inventory, JdbcBookings bookings, JdbcTapeChartReads reads, Clock clock,
            PlatformTransactionManager transactions) {
        return inTransactions(ViewTapeChartUseCase.class, new ViewTapeChartService(inventory, bookings, reads, clock), transactions);
    }
}
