package com.westbethel.motel.bootstrap.worker;

import com.westbethel.motel.adapters.persistence.booking.BookingPersistenceConfiguration;
import com.westbethel.motel.adapters.persistence.cache.CacheConfiguration;
import com.westbethel.motel.adapters.persistence.cache.CacheWarmer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * The worker warms the shared cache (Redis) at start and again after an invalidation storm, so that API replicas find the
 * next nights' availability, room types and rates there rather than in PostgreSQL. Its expiry of holds evicts through the
 * same cache configuration.
 */
@Configuration(proxyBeanMethods = false)
@Import({BookingPersistenceConfiguration.class, CacheConfiguration.class})
class CacheWarmingConfiguration {

    private static final Logger log = LoggerFactory.getLogger(CacheWarmingConfiguration.class);

    @Bean
    ApplicationRunner sharedCacheWarmUp(CacheWarmer warmer) {
        return arguments -> log.info("Shared cache warmed: {} nights of availability, with room types and rates", warmer.warm());
    }

    @Bean
    StormWarming stormWarming(CacheWarmer warmer) {
        return new StormWarming(warmer);
    }

    record StormWarming(CacheWarmer warmer) {

        @Scheduled(fixedDelayString = "${motel.worker.cache-storm-check-interval:30s}", initialDelayString = "${motel.worker.cache-storm-check-interval:30s}")
        void warmAfterStorm() {
            warmer.warmAfterStorm();
        }
    }
}
