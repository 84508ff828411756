package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.adapters.persistence.support.TransactionalUseCases.inTransactions;

import com.westbethel.motel.adapters.messaging.notification.EmailNotificationListener;
import com.westbethel.motel.application.notification.port.in.ManageNotificationPreferencesUseCase;
import com.westbethel.motel.application.notification.port.in.ManageEmailTemplatesUseCase;
import com.westbethel.motel.adapters.messaging.notification.HmacUnsubscribeLinks;
import com.westbethel.motel.adapters.messaging.notification.ThymeleafEmailRenderer;
import com.westbethel.motel.adapters.persistence.audit.JdbcAuditLog;
import com.westbethel.motel.adapters.persistence.identity.AesGcmSecretCipher;
import com.westbethel.motel.adapters.persistence.notification.JdbcEmailOutbox;
import com.westbethel.motel.adapters.persistence.notification.JdbcEmailTemplateOverrides;
import com.westbethel.motel.adapters.persistence.notification.JdbcNotificationPreferences;
import com.westbethel.motel.adapters.persistence.notification.NotificationPersistenceConfiguration;
import com.westbethel.motel.application.notification.port.in.QueueNotificationEmailsUseCase;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.application.notification.service.ManageEmailTemplatesService;
import com.westbethel.motel.application.notification.service.ManageNotificationPreferencesService;
import com.westbethel.motel.application.notification.service.NotificationSettings;
import com.westbethel.motel.application.notification.service.QueueNotificationEmailsService;
import com.westbethel.motel.domain.shared.EmailAddress;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Notifications: use cases publish events through Spring's (synchronous) event bus, so the email
 * listener queues their emails in the publisher's transaction; preferences, unsubscribe links and the
 * administrators' template editor.
 */
@Configuration(proxyBeanMethods = false)
@Import(NotificationPersistenceConfiguration.class)
class NotificationConfiguration {

    @Bean
    NotificationEvents notificationEvents(ApplicationEventPublisher publisher) {
        return publisher::publishEvent;
    }

    /**
     * Reset links are sealed in the outbox with a key derived from the MFA key for that purpose alone (so the worker,
     * which holds the same key to send them, can never be made to open an MFA secret copied into the outbox).
     */
    @Bean
    JdbcEmailOutbox emailOutbox(JdbcClient jdbc, @Value("${motel.mail.message-id-domain}") String messageIdDomain,
            IdentityConfiguration.MfaEncryptionKey key, ObjectProvider<ObservationRegistry> observations) {
        return new JdbcEmailOutbox(jdbc, messageIdDomain, AesGcmSecretCipher.forEmailOutbox(key.bytes()),
                observations.getIfAvailable(() -> ObservationRegistry.NOOP));
    }

    @Bean
    NotificationSettings notificationSettings(@Value("${motel.notifications.locales:en}") List<String> locales) {
        return new NotificationSettings(locales.stream().map(Locale::forLanguageTag).toList());
    }

    @Bean
    HmacUnsubscribeLinks unsubscribeLinks(@Value("${motel.notifications.unsubscribe-key:}") String unsubscribeKey) {
        return new HmacUnsubscribeLinks(IdentityConfiguration.keyOrRandom(unsubscribeKey, "motel.notifications.unsubscribe-key",
                "MOTEL_NOTIFICATIONS_UNSUBSCRIBEKEY", "unsubscribe links in emails sent before a restart stop working"));
    }

    @Bean
    QueueNotificationEmailsUseCase queueNotificationEmailsService(JdbcEmailOutbox outbox, JdbcNotificationPreferences preferences,
            HmacUnsubscribeLinks links, @Value("${motel.public-url}") String siteUrl,
            @Value("${motel.notifications.unsubscribe-url:${motel.public-url}/unsubscribe}") String unsubscribeUrl,
            @Value("${motel.notifications.front-desk-bcc:}") List<String> frontDesk, PlatformTransactionManager transactions) {
        List<EmailAddress> copies = frontDesk.stream().filter(address -> !address.isBlank()).map(EmailAddress::new).toList();
        return inTransactions(QueueNotificationEmailsUseCase.class, new QueueNotificationEmailsService(outbox, preferences, links,
                new QueueNotificationEmailsService.Settings(siteUrl, unsubscribeUrl, copies)), transactions);
    }

    @Bean
    EmailNotificationListener emailNotificationListener(QueueNotificationEmailsUseCase queueEmails) {
        return new EmailNotificationListener(queueEmails);
    }

    @Bean
    ManageNotificationPreferencesUseCase notificationPreferencesService(JdbcNotificationPreferences preferences, NotificationSettings settings,
            HmacUnsubscribeLinks links, Clock clock, PlatformTransactionManager transactions) {
        return inTransactions(ManageNotificationPreferencesUseCase.class, new ManageNotificationPreferencesService(preferences, settings, links, clock), transactions);
    }

    /** Previews always show the latest edit: the API reads the edits on every render (previews are rare). */
    @Bean
    ThymeleafEmailRenderer emailRenderer(JdbcEmailTemplateOverrides overrides, Clock clock) {
        return new ThymeleafEmailRenderer(overrides, Duration.ZERO, clock);
    }

    @Bean
    ManageEmailTemplatesUseCase emailTemplateAdministration(JdbcEmailTemplateOverrides overrides, ThymeleafEmailRenderer renderer,
            NotificationSettings settings, JdbcAuditLog auditLog, Clock clock, PlatformTransactionManager transactions) {
        return inTransactions(ManageEmailTemplatesUseCase.class, new ManageEmailTemplatesService(overrides, renderer, settings, auditLog, clock), transactions);
    }
}
