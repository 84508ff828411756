package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.adapters.persistence.support.TransactionalUseCases.inTransactions;

import com.westbethel.motel.adapters.messaging.notification.HmacManageLinkTokens;
import com.westbethel.motel.application.booking.port.in.ExtendHoldUseCase;
import com.westbethel.motel.application.booking.port.in.ManageLinkUseCase;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase;
import com.westbethel.motel.application.booking.port.in.ViewPriceCalendarUseCase;
import com.westbethel.motel.application.booking.port.in.SearchAvailabilityUseCase;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase;
import com.westbethel.motel.application.booking.port.in.ManageInventoryUseCase;
import com.westbethel.motel.application.booking.port.in.FrontDeskUseCase;
import com.westbethel.motel.application.booking.port.in.CancelBookingUseCase;
import com.westbethel.motel.application.booking.port.in.BrowseRoomTypesUseCase;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase;
import com.westbethel.motel.adapters.persistence.audit.AuditPersistenceConfiguration;
import com.westbethel.motel.adapters.persistence.audit.JdbcAuditLog;
import com.westbethel.motel.adapters.persistence.booking.BookingPersistenceConfiguration;
import com.westbethel.motel.adapters.persistence.payment.PaymentGatewayConfiguration;
import com.westbethel.motel.adapters.persistence.booking.JdbcBookings;
import com.westbethel.motel.adapters.persistence.booking.JdbcIdempotencyKeys;
import com.westbethel.motel.adapters.persistence.booking.JdbcInventory;
import com.westbethel.motel.adapters.persistence.booking.JdbcLoyaltyLedger;
import com.westbethel.motel.adapters.persistence.booking.JdbcPayments;
import com.westbethel.motel.adapters.persistence.booking.JdbcRoomHousekeeping;
import com.westbethel.motel.adapters.persistence.operations.MicrometerBusinessMetrics;
import com.westbethel.motel.adapters.persistence.support.DatabaseTransactions;
import com.westbethel.motel.adapters.persistence.cache.CacheConfiguration;
import com.westbethel.motel.adapters.persistence.cache.CacheWarmer;
import com.westbethel.motel.adapters.persistence.cache.CachingInventory;
import com.westbethel.motel.application.audit.service.QueryAuditLogService;
import com.westbethel.motel.application.booking.port.in.SeedDemoDataUseCase;
import com.westbethel.motel.application.booking.port.out.PaymentGateway;
import com.westbethel.motel.application.booking.service.BookRoomService;
import com.westbethel.motel.application.booking.service.BookingSettings;
import com.westbethel.motel.application.booking.service.BrowseRoomTypesService;
import com.westbethel.motel.application.booking.service.CancelBookingService;
import com.westbethel.motel.application.booking.service.ExtendHoldService;
import com.westbethel.motel.application.booking.service.ManageLinkService;
import com.westbethel.motel.application.booking.service.ManageLinks;
import com.westbethel.motel.application.booking.service.FrontDeskService;
import com.westbethel.motel.application.booking.service.ManageInventoryService;
import com.westbethel.motel.application.booking.service.PayForBookingService;
import com.westbethel.motel.application.booking.service.PaymentSettings;
import com.westbethel.motel.application.booking.service.SearchAvailabilityService;
import com.westbethel.motel.application.booking.service.SeedDemoDataService;
import com.westbethel.motel.application.booking.service.ViewBookingsService;
import com.westbethel.motel.application.booking.service.ViewLoyaltyService;
import com.westbethel.motel.application.booking.service.ViewPriceCalendarService;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import java.time.Clock;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Wires the booking use cases to PostgreSQL and the sandbox card processor; each use case runs in a transaction. What guests
 * read on every search (the property, room types, rates, promotions, availability) comes through the two-level cache.
 */
@Configuration(proxyBeanMethods = false)
@Import({BookingPersistenceConfiguration.class, AuditPersistenceConfiguration.class, CacheConfiguration.class, PaymentGatewayConfiguration.class})
class BookingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BookingConfiguration.class);

    @Bean
    BookingSettings bookingSettings(@Value("${motel.booking.hold-duration:15m}") Duration holdDuration,
            @Value("${motel.booking.max-nights:30}") int maxNights,
            @Value("${motel.booking.max-unpaid-holds:" + BookingSettings.DEFAULT_MAX_UNPAID_HOLDS + "}") int maxUnpaidHolds,
            @Value("${motel.booking.max-hold-extensions:" + BookingSettings.DEFAULT_MAX_HOLD_EXTENSIONS + "}") int maxHoldExtensions,
            @Value("${motel.booking.hold-extension-window:5m}") Duration holdExtensionWindow) {
        return new BookingSettings(holdDuration, maxNights, maxUnpaidHolds, maxHoldExtensions, holdExtensionWindow);
    }

    @Bean
    HmacManageLinkTokens manageLinkTokens(@Value("${motel.booking.manage-link-key:}") String key) {
        return new HmacManageLinkTokens(IdentityConfiguration.keyOrRandom(key, "motel.booking.manage-link-key", "MOTEL_BOOKING_MANAGELINKKEY",
                "manage links in emails sent before a restart stop working and other replicas refuse them"));
    }

    @Bean
    ManageLinks manageLinks(HmacManageLinkTokens tokens, @Value("${motel.public-url}") String siteUrl) {
        return new ManageLinks(tokens, siteUrl);
    }

    @Bean
    ManageLinkUseCase manageLinkService(JdbcBookings bookings, JdbcInventory inventory, ManageLinks links, Clock clock,
            PlatformTransactionManager transactions) {
        return inTransactions(ManageLinkUseCase.class, new ManageLinkService(bookings, inventory, links, clock), transactions);
    }

    @Bean
    ExtendHoldUseCase extendHoldService(JdbcBookings bookings, JdbcInventory inventory, JdbcAuditLog auditLog, BookingSettings settings, Clock clock,
            PlatformTransactionManager transactions) {
        return inTransactions(ExtendHoldUseCase.class, new ExtendHoldService(bookings, inventory, auditLog, settings, clock), transactions);
    }

    @Bean
    BrowseRoomTypesUseCase browseRoomTypesService(CachingInventory inventory, PlatformTransactionManager transactions) {
        return inTransactions(BrowseRoomTypesUseCase.class, new BrowseRoomTypesService(inventory), transactions);
    }

    @Bean
    SearchAvailabilityUseCase searchAvailabilityService(CachingInventory inventory, BookingSettings settings, Clock clock,
            PlatformTransactionManager transactions) {
        return inTransactions(SearchAvailabilityUseCase.class, new SearchAvailabilityService(inventory, inventory, settings, clock), transactions);
    }

    @Bean
    ViewPriceCalendarUseCase priceCalendarService(CachingInventory inventory, Clock clock, PlatformTransactionManager transactions) {
        return inTransactions(ViewPriceCalendarUseCase.class, new ViewPriceCalendarService(inventory, clock), transactions);
    }

    @Bean
    BookRoomUseCase bookRoomService(CachingInventory inventory, JdbcBookings bookings, JdbcIdempotencyKeys idempotencyKeys, Users users,
            JdbcAuditLog auditLog, BookingSettings settings, Clock clock, MicrometerBusinessMetrics metrics, PlatformTransactionManager transactions) {
        return inTransactions(BookRoomUseCase.class, new BookRoomService(inventory, bookings, inventory, idempotencyKeys, users, auditLog, settings,
                clock, metrics), transactions);
    }

    @Bean
    ViewBookingsUseCase viewBookingsService(JdbcBookings bookings, JdbcInventory inventory, JdbcPayments payments, BookingSettings settings,
            Clock clock, PlatformTransactionManager transactions) {
        return inTransactions(ViewBookingsUseCase.class, new ViewBookingsService(bookings, inventory, payments, settings, clock), transactions);
    }

    @Bean
    CancelBookingUseCase cancelBookingService(JdbcBookings bookings, JdbcInventory inventory, JdbcPayments payments, PaymentGateway gateway,
            JdbcLoyaltyLedger loyalty, Users users, NotificationEvents events, JdbcAuditLog auditLog, BookingSettings settings, Clock clock,
            MicrometerBusinessMetrics metrics, PlatformTransactionManager transactions) {
        return inTransactions(CancelBookingUseCase.class, new CancelBookingService(bookings, inventory, payments, gateway, loyalty, users, events,
                auditLog, settings, clock, metrics), transactions);
    }

    @Bean
    PayForBookingUseCase paymentService(JdbcBookings bookings, JdbcInventory inventory, JdbcPayments payments, PaymentGateway gateway,
            JdbcLoyaltyLedger loyalty, JdbcIdempotencyKeys idempotencyKeys, Users users, NotificationEvents events, JdbcAuditLog auditLog,
            ManageLinks manageLinks, Clock clock, DatabaseTransactions storageSteps, PaymentSettings paymentSettings,
            MicrometerBusinessMetrics metrics, PlatformTransactionManager transactions) {
        return inTransactions(PayForBookingUseCase.class, new PayForBookingService(bookings, inventory, payments, gateway, loyalty, idempotencyKeys,
                users, events, auditLog, manageLinks, clock, storageSteps, paymentSettings, metrics), transactions);
    }

    @Bean
    QueryAuditLogService auditService(JdbcAuditLog auditLog, Clock clock) {
        return new QueryAuditLogService(auditLog, clock);
    }

    @Bean
    FrontDeskUseCase frontDeskService(JdbcBookings bookings, JdbcInventory inventory, JdbcRoomHousekeeping rooms, JdbcAuditLog auditLog,
            BookingSettings settings, Clock clock, PlatformTransactionManager transactions) {
        return inTransactions(FrontDeskUseCase.class, new FrontDeskService(bookings, inventory, rooms, auditLog, settings, clock), transactions);
    }

    @Bean
    ManageInventoryUseCase inventoryService(JdbcInventory inventory, JdbcAuditLog auditLog, Clock clock, PlatformTransactionManager transactions) {
        return inTransactions(ManageInventoryUseCase.class, new ManageInventoryService(inventory, inventory, auditLog, clock), transactions);
    }

    @Bean
    ViewLoyaltyService loyaltyService(JdbcLoyaltyLedger loyalty) {
        return new ViewLoyaltyService(loyalty);
    }

    @Bean
    SeedDemoDataUseCase demoData(JdbcInventory inventory, Clock clock, PlatformTransactionManager transactions) {
        return inTransactions(SeedDemoDataUseCase.class, new SeedDemoDataService(inventory, clock), transactions);
    }

    /** With motel.demo-data.enabled=true (the README's run command), an empty system gets the West Bethel Motel. */
    @Bean
    @Order(0)
    @ConditionalOnProperty(name = "motel.demo-data.enabled", havingValue = "true")
    ApplicationRunner demoDataSeed(SeedDemoDataUseCase seed) {
        return arguments -> {
            if (seed.seedDemoData()) {
                log.info("Seeded the West Bethel Motel demo data: 4 room types, 16 rooms, summer and foliage rates, code WELCOME10");
            }
        };
    }

    /**
     * Fills this process's L1 (from Redis, or PostgreSQL) before readiness turns UP: Boot reports ACCEPTING_TRAFFIC only
     * after every ApplicationRunner has returned, so the load balancer's first requests find the cache warm. After the demo
     * data, which may create the property it warms.
     */
    @Bean
    @Order(Ordered.LOWEST_PRECEDENCE)
    ApplicationRunner cacheWarmUp(CacheWarmer warmer) {
        return arguments -> log.info("Cache warmed: {} nights of availability, with room types and rates", warmer.warm());
    }
}
