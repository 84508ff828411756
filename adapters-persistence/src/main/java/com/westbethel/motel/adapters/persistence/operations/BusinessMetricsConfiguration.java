package com.westbethel.motel.adapters.persistence.operations;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one {@code BusinessMetrics} of a deployable, in its meter registry (Prometheus, on the management port). */
@Configuration(proxyBeanMethods = false)
public class BusinessMetricsConfiguration {

    @Bean
    MicrometerBusinessMetrics businessMetrics(MeterRegistry registry) {
        return new MicrometerBusinessMetrics(registry);
    }
}
