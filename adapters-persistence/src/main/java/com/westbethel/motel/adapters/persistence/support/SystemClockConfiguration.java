package com.westbethel.motel.adapters.persistence.support;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock of every deployable: UTC, so stored instants and computed dates agree across replicas. */
@Configuration(proxyBeanMethods = false)
public class SystemClockConfiguration {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }
}
