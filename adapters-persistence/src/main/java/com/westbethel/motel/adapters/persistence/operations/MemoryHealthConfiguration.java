package com.westbethel.motel.adapters.persistence.operations;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The heap's headroom on {@code /actuator/health} (component {@code memory}), in the API and the worker alike. */
@Configuration(proxyBeanMethods = false)
public class MemoryHealthConfiguration {

    @Bean
    MemoryHeadroomHealthIndicator memoryHealthIndicator(@Value("${motel.health.memory.max-used-fraction:0.9}") double maxUsedFraction) {
        return new MemoryHeadroomHealthIndicator(maxUsedFraction);
    }
}
