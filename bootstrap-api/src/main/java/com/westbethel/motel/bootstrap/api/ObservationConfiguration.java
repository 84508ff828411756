package com.westbethel.motel.bootstrap.api;

import com.westbethel.motel.adapters.persistence.observation.PersistenceObservationConfiguration;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/**
 * Spans of the use cases and SQL statements (docs/architecture.md §9). Tracing itself is Boot's: the OpenTelemetry bridge,
 * {@code management.tracing.*} and {@code management.opentelemetry.tracing.export.*} in application.yml.
 */
@Configuration(proxyBeanMethods = false)
@Import(PersistenceObservationConfiguration.class)
class ObservationConfiguration {
}
