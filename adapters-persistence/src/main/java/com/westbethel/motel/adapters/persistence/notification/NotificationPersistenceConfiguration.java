package com.westbethel.motel.adapters.persistence.notification;

import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;

/** The notification area's PostgreSQL adapters that need nothing but the {@code JdbcClient}; a deployable imports this. */
@Configuration(proxyBeanMethods = false)
@Import({JdbcNotificationPreferences.class, JdbcEmailTemplateOverrides.class, JdbcEmailQueueMaintenance.class, EmailQueueStatisticsAdapter.class})
public class NotificationPersistenceConfiguration {
}
