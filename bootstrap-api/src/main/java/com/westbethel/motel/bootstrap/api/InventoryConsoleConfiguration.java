package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.adapters.persistence.support.TransactionalUseCases.inTransactions;

import com.westbethel.motel.adapters.persistence.audit.JdbcAuditLog;
import com.westbethel.motel.adapters.persistence.booking.InventoryConsolePersistenceConfiguration;
import com.westbethel.motel.adapters.persistence.booking.JdbcInventory;
import com.westbethel.motel.adapters.persistence.booking.JdbcInventoryEdits;
import com.westbethel.motel.adapters.persistence.booking.JdbcRoomTypePhotos;
import com.westbethel.motel.adapters.web.booking.InventoryConsoleWebConfiguration;
import com.westbethel.motel.adapters.web.site.staff.StaffInventoryPagesConfiguration;
import com.westbethel.motel.application.booking.port.in.ChangeInventoryUseCase;
import com.westbethel.motel.application.booking.port.in.RoomTypePhotoUseCase;
import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase;
import com.westbethel.motel.application.booking.service.ChangeInventoryService;
import com.westbethel.motel.application.booking.service.RoomTypePhotoService;
import com.westbethel.motel.application.booking.service.ViewInventoryService;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the staff console's inventory: its lists, changes and removals, and room types' photos, over PostgreSQL (never the
 * cache: staff act on what they read). The writes go through {@link JdbcInventory} and {@link JdbcInventoryEdits}, which
 * tell the cache's invalidation what they changed, as every inventory write does.
 */
@Configuration(proxyBeanMethods = false)
@Import({InventoryConsolePersistenceConfiguration.class, InventoryConsoleWebConfiguration.class, StaffInventoryPagesConfiguration.class})
class InventoryConsoleConfiguration {

    @Bean
    ViewInventoryUseCase viewInventoryService(JdbcInventory inventory, JdbcInventoryEdits listing, Clock clock,
            PlatformTransactionManager transactions) {
        return inTransactions(ViewInventoryUseCase.class, new ViewInventoryService(inventory, listing, clock), transactions);
    }

    @Bean
    ChangeInventoryUseCase changeInventoryService(JdbcInventory inventory, JdbcInventoryEdits edits, JdbcAuditLog auditLog, Clock clock,
            PlatformTransactionManager transactions) {
        return inTransactions(ChangeInventoryUseCase.class, new ChangeInventoryService(inventory, inventory, edits, auditLog, clock), transactions);
    }

    @Bean
    RoomTypePhotoUseCase roomTypePhotoService(JdbcInventory inventory, JdbcRoomTypePhotos photos, JdbcAuditLog auditLog, Clock clock,
            PlatformTransactionManager transactions) {
        return inTransactions(RoomTypePhotoUseCase.class, new RoomTypePhotoService(inventory, photos, auditLog, clock), transactions);
    }
}
