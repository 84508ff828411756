package com.westbethel.motel.bootstrap.worker;

import static com.westbethel.motel.adapters.persistence.support.TransactionalUseCases.inTransactions;

import com.westbethel.motel.adapters.persistence.audit.AuditPersistenceConfiguration;
import com.westbethel.motel.adapters.persistence.audit.JdbcAuditLog;
import com.westbethel.motel.adapters.persistence.booking.BookingPersistenceConfiguration;
import com.westbethel.motel.adapters.persistence.booking.JdbcBookings;
import com.westbethel.motel.adapters.persistence.booking.JdbcIdempotencyKeys;
import com.westbethel.motel.adapters.persistence.operations.BusinessMetricsConfiguration;
import com.westbethel.motel.adapters.persistence.operations.MicrometerBusinessMetrics;
import com.westbethel.motel.application.audit.port.in.LinkAuditChainUseCase;
import com.westbethel.motel.application.audit.service.LinkAuditChainService;
import com.westbethel.motel.application.booking.port.in.ExpireHoldsUseCase;
import com.westbethel.motel.application.booking.port.in.PurgeIdempotencyKeysUseCase;
import com.westbethel.motel.application.booking.service.ExpireHoldsService;
import com.westbethel.motel.application.booking.service.PurgeIdempotencyKeysService;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Expires unpaid holds every 30 s, links audit entries left unlinked every 30 s and forgets old idempotency keys hourly; every
 * replica may run each. The audit log is the
 * API's, keyed alike, so the worker's entries (expired holds) link into the same chain.
 */
@Configuration(proxyBeanMethods = false)
@Import({BookingPersistenceConfiguration.class, AuditPersistenceConfiguration.class, BusinessMetricsConfiguration.class})
class BookingHousekeepingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(BookingHousekeepingConfiguration.class);

    @Bean
    ExpireHoldsUseCase expireHoldsService(JdbcBookings bookings, JdbcAuditLog auditLog, Clock clock, MicrometerBusinessMetrics metrics,
            PlatformTransactionManager transactions) {
        return inTransactions(ExpireHoldsUseCase.class, new ExpireHoldsService(bookings, auditLog, clock, metrics), transactions);
    }

    @Bean
    PurgeIdempotencyKeysUseCase purgeIdempotencyKeysService(JdbcIdempotencyKeys keys, Clock clock, PlatformTransactionManager transactions) {
        return inTransactions(PurgeIdempotencyKeysUseCase.class, new PurgeIdempotencyKeysService(keys, clock), transactions);
    }

    @Bean
    LinkAuditChainUseCase linkAuditChainService(JdbcAuditLog auditLog) {
        return new LinkAuditChainService(auditLog);
    }

    @Bean
    HousekeepingSchedule bookingHousekeepingSchedule(ExpireHoldsUseCase holds, PurgeIdempotencyKeysUseCase keys, LinkAuditChainUseCase audit) {
        return new HousekeepingSchedule(holds, keys, audit);
    }

    record HousekeepingSchedule(ExpireHoldsUseCase holds, PurgeIdempotencyKeysUseCase keys, LinkAuditChainUseCase audit) {

        @Scheduled(fixedDelayString = "${motel.worker.hold-expiry-interval:30s}", initialDelayString = "${motel.worker.hold-expiry-initial-delay:10s}")
        void expireHolds() {
            int expired = holds.expireHolds();
            if (expired > 0) {
                log.info("Expired {} unpaid holds; their rooms are free again", expired);
            }
        }

        /**
         * Each process links its entries right after their commit; this sweep links what a process that stopped in between left
         * unlinked (rarely, an entry its writer was about to link). It never links a row not written with the key.
         */
        @Scheduled(fixedDelayString = "${motel.worker.audit-link-interval:30s}", initialDelayString = "${motel.worker.audit-link-initial-delay:5s}")
        void linkAuditChain() {
            int linked = audit.linkUnlinkedEntries();
            if (linked > 0) {
                log.warn("Linked {} audit entries that were committed but not linked by their writer (a process stopped between a commit and its link)",
                        linked);
            }
        }

        @Scheduled(fixedDelayString = "${motel.worker.idempotency-purge-interval:1h}", initialDelayString = "${motel.worker.idempotency-purge-initial-delay:2m}")
        void purgeIdempotencyKeys() {
            keys.purgeIdempotencyKeys();
        }
    }
}
