package com.westbethel.motel.bootstrap.worker;

import com.westbethel.motel.adapters.messaging.notification.EmailQueueMetrics;
import com.westbethel.motel.adapters.persistence.notification.NotificationPersistenceConfiguration;
import com.westbethel.motel.adapters.persistence.support.SystemClockConfiguration;
import com.westbethel.motel.application.notification.port.in.InspectEmailQueueUseCase;
import com.westbethel.motel.application.notification.service.InspectEmailQueueService;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** Wires the notification use cases the worker runs to their PostgreSQL and metrics adapters. */
@Configuration(proxyBeanMethods = false)
@Import({SystemClockConfiguration.class, NotificationPersistenceConfiguration.class, InspectEmailQueueService.class})
class NotificationConfiguration {

    @Bean
    EmailQueueMetrics emailQueueMetrics(InspectEmailQueueUseCase inspectEmailQueue, MeterRegistry registry) {
        return new EmailQueueMetrics(inspectEmailQueue, registry);
    }
}
