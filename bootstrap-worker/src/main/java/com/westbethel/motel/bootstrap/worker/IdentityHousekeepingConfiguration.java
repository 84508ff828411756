package com.westbethel.motel.bootstrap.worker;

import com.westbethel.motel.adapters.persistence.identity.IdentityPersistenceConfiguration;
import com.westbethel.motel.adapters.persistence.identity.JdbcIdentityHousekeeping;
import com.westbethel.motel.adapters.persistence.support.TransactionalUseCases;
import com.westbethel.motel.application.identity.port.in.PurgeExpiredIdentityDataUseCase;
import com.westbethel.motel.application.identity.service.PurgeExpiredIdentityDataService;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.transaction.PlatformTransactionManager;

/** Hourly purge of expired tokens and idle counters; plain deletes, so every replica may run it. */
@Configuration(proxyBeanMethods = false)
@Import(IdentityPersistenceConfiguration.class)
class IdentityHousekeepingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(IdentityHousekeepingConfiguration.class);

    @Bean
    PurgeExpiredIdentityDataUseCase identityPurge(JdbcIdentityHousekeeping housekeeping, Clock clock, PlatformTransactionManager transactions) {
        return TransactionalUseCases.inTransactions(PurgeExpiredIdentityDataUseCase.class, new PurgeExpiredIdentityDataService(housekeeping, clock), transactions);
    }

    @Bean
    PurgeSchedule purgeSchedule(PurgeExpiredIdentityDataUseCase purge) {
        return new PurgeSchedule(purge);
    }

    /** The schedule itself: calls the use case and says what it removed. */
    record PurgeSchedule(PurgeExpiredIdentityDataUseCase purge) {

        @Scheduled(fixedDelayString = "${motel.worker.identity-purge-interval:1h}", initialDelayString = "${motel.worker.identity-purge-initial-delay:1m}")
        void purgeExpiredIdentityData() {
            long removed = purge.purgeExpired();
            if (removed > 0) {
                log.info("Purged {} expired identity rows (tokens, counters, old security log entries)", removed);
            }
        }
    }
}
