package com.westbethel.motel.adapters.persistence.reporting;

import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The reports' and the dashboard's adapters, each built from the one {@code JdbcClient}; the API imports this. */
@Configuration(proxyBeanMethods = false)
@Import({JdbcStayFacts.class, JdbcMetricSamples.class, JdbcBusinessPulse.class})
public class ReportingPersistenceConfiguration {

    @Bean
    MicrometerProcessMeters processMeters(MeterRegistry registry) {
        return new MicrometerProcessMeters(registry);
    }
}
