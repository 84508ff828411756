package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.adapters.persistence.support.TransactionalUseCases.inTransactions;

import com.westbethel.motel.adapters.persistence.audit.JdbcAuditLog;
import com.westbethel.motel.adapters.persistence.booking.FrontDeskConsolePersistenceConfiguration;
import com.westbethel.motel.adapters.persistence.booking.JdbcFrontDeskBoard;
import com.westbethel.motel.adapters.persistence.booking.JdbcInventory;
import com.westbethel.motel.adapters.persistence.booking.JdbcRoomHousekeeping;
import com.westbethel.motel.adapters.web.booking.FrontDeskConsoleWebConfiguration;
import com.westbethel.motel.adapters.web.site.staff.StaffPagesConfiguration;
import com.westbethel.motel.application.booking.port.in.RoomHousekeepingUseCase;
import com.westbethel.motel.application.booking.port.in.ViewFrontDeskUseCase;
import com.westbethel.motel.application.booking.service.RoomHousekeepingService;
import com.westbethel.motel.application.booking.service.ViewFrontDeskService;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the staff console's front desk and housekeeping: the use cases over PostgreSQL (never the cache: the desk acts on
 * what it reads), the API's endpoints and the console's pages. The check-out that leaves a room dirty is FrontDeskService's,
 * wired in {@link BookingConfiguration} with {@link JdbcRoomHousekeeping}.
 */
@Configuration(proxyBeanMethods = false)
@Import({FrontDeskConsolePersistenceConfiguration.class, FrontDeskConsoleWebConfiguration.class, StaffPagesConfiguration.class})
class FrontDeskConsoleConfiguration {

    @Bean
    ViewFrontDeskUseCase viewFrontDeskService(JdbcFrontDeskBoard board, JdbcInventory inventory, Clock clock,
            PlatformTransactionManager transactions) {
        return inTransactions(ViewFrontDeskUseCase.class, new ViewFrontDeskService(board, inventory, clock), transactions);
    }

    @Bean
    RoomHousekeepingUseCase roomHousekeepingService(JdbcRoomHousekeeping rooms, JdbcInventory inventory, JdbcAuditLog auditLog, Clock clock,
            PlatformTransactionManager transactions) {
        return inTransactions(RoomHousekeepingUseCase.class, new RoomHousekeepingService(rooms, inventory, auditLog, clock), transactions);
    }
}
