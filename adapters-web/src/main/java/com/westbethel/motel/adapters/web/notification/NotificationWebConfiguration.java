package com.westbethel.motel.adapters.web.notification;

import com.westbethel.motel.application.notification.port.in.AdministerEmailQueueUseCase;
import com.westbethel.motel.application.notification.port.in.InspectEmailQueueUseCase;
import com.westbethel.motel.application.notification.port.in.ManageEmailTemplatesUseCase;
import com.westbethel.motel.application.notification.port.in.ManageNotificationPreferencesUseCase;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Registers the notification controllers, which stay package-private; the bootstrap imports this. */
@Configuration(proxyBeanMethods = false)
public class NotificationWebConfiguration {

    @Bean
    NotificationPreferencesController notificationPreferencesController(ManageNotificationPreferencesUseCase preferences) {
        return new NotificationPreferencesController(preferences);
    }

    @Bean
    UnsubscribeController unsubscribeController(ManageNotificationPreferencesUseCase preferences) {
        return new UnsubscribeController(preferences);
    }

    @Bean
    AdminEmailTemplatesController adminEmailTemplatesController(ManageEmailTemplatesUseCase templates) {
        return new AdminEmailTemplatesController(templates);
    }

    @Bean
    AdminEmailQueueController adminEmailQueueController(InspectEmailQueueUseCase inspect, AdministerEmailQueueUseCase queue) {
        return new AdminEmailQueueController(inspect, queue);
    }
}
