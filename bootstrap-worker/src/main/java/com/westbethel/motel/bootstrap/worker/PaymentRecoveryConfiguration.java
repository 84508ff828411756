package com.westbethel.motel.bootstrap.worker;

import com.westbethel.motel.adapters.messaging.notification.EmailNotificationListener;
import com.westbethel.motel.adapters.messaging.notification.HmacManageLinkTokens;
import com.westbethel.motel.adapters.messaging.notification.HmacUnsubscribeLinks;
import com.westbethel.motel.adapters.persistence.audit.JdbcAuditLog;
import com.westbethel.motel.adapters.persistence.booking.JdbcBookings;
import com.westbethel.motel.adapters.persistence.booking.JdbcInventory;
import com.westbethel.motel.adapters.persistence.booking.JdbcLoyaltyLedger;
import com.westbethel.motel.adapters.persistence.booking.JdbcPayments;
import com.westbethel.motel.adapters.persistence.identity.AesGcmSecretCipher;
import com.westbethel.motel.adapters.persistence.notification.JdbcEmailOutbox;
import com.westbethel.motel.adapters.persistence.notification.JdbcNotificationPreferences;
import com.westbethel.motel.adapters.persistence.operations.MicrometerBusinessMetrics;
import com.westbethel.motel.adapters.persistence.payment.PaymentGatewayConfiguration;
import com.westbethel.motel.adapters.persistence.support.DatabaseTransactions;
import com.westbethel.motel.adapters.persistence.support.TransactionsConfiguration;
import com.westbethel.motel.application.booking.port.in.RecoverPendingPaymentsUseCase;
import com.westbethel.motel.application.booking.port.in.RecoverPendingPaymentsUseCase.Recovery;
import com.westbethel.motel.application.booking.port.out.PaymentGateway;
import com.westbethel.motel.application.booking.service.ManageLinks;
import com.westbethel.motel.application.booking.service.PaymentSettings;
import com.westbethel.motel.application.booking.service.RecoverPendingPaymentsService;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.application.notification.service.QueueNotificationEmailsService;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.security.SecureRandom;
import io.micrometer.observation.ObservationRegistry;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Finishes payments left PENDING by an API process that stopped between charging a card and recording the outcome, or whose
 * processor did not answer in time. The outcome step is the API's own, emails included, so the worker holds what it needs
 * to write them as the API would: the API's public address and manage-link key (a confirmation carries the booking's manage
 * link, which the API must accept), the unsubscribe key, and the front desk's copy ({@code motel.notifications.front-desk-bcc}).
 */
@Configuration(proxyBeanMethods = false)
@Import({TransactionsConfiguration.class, PaymentGatewayConfiguration.class})
class PaymentRecoveryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(PaymentRecoveryConfiguration.class);

    @Bean
    NotificationEvents notificationEvents(ApplicationEventPublisher publisher) {
        return publisher::publishEvent;
    }

    /** The API's listener: the events of a recovered payment become the same emails in the outbox. */
    @Bean
    EmailNotificationListener emailNotificationListener(JdbcClient jdbc, AesGcmSecretCipher outboxSecretCipher, JdbcNotificationPreferences preferences,
            @Value("${motel.mail.message-id-domain:westbethelmotel.local}") String domain, @Value("${motel.public-url}") String siteUrl,
            @Value("${motel.notifications.unsubscribe-url:${motel.public-url}/unsubscribe}") String unsubscribeUrl,
            @Value("${motel.notifications.unsubscribe-key:}") String unsubscribeKey,
            @Value("${motel.notifications.front-desk-bcc:}") List<String> frontDesk, ObjectProvider<ObservationRegistry> observations) {
        return new EmailNotificationListener(new QueueNotificationEmailsService(new JdbcEmailOutbox(jdbc, domain, outboxSecretCipher,
                observations.getIfAvailable(() -> ObservationRegistry.NOOP)), preferences,
                new HmacUnsubscribeLinks(key(unsubscribeKey, "motel.notifications.unsubscribe-key")),
                new QueueNotificationEmailsService.Settings(siteUrl, unsubscribeUrl,
                        frontDesk.stream().filter(address -> !address.isBlank()).map(EmailAddress::new).toList())));
    }

    @Bean
    ManageLinks workerManageLinks(@Value("${motel.booking.manage-link-key:}") String key, @Value("${motel.public-url}") String siteUrl) {
        return new ManageLinks(new HmacManageLinkTokens(key(key, "motel.booking.manage-link-key")), siteUrl);
    }

    @Bean
    RecoverPendingPaymentsUseCase recoverPendingPaymentsService(JdbcBookings bookings, JdbcInventory inventory, JdbcPayments payments,
            PaymentGateway gateway, JdbcLoyaltyLedger loyalty, Users users, NotificationEvents events, JdbcAuditLog auditLog,
            ManageLinks workerManageLinks, DatabaseTransactions transactions, PaymentSettings settings, Clock clock,
            MicrometerBusinessMetrics metrics) {
        return new RecoverPendingPaymentsService(bookings, inventory, payments, gateway, loyalty, users, events, auditLog, workerManageLinks,
                transactions, settings, clock, metrics);
    }

    @Bean
    PaymentRecoverySchedule paymentRecoverySchedule(RecoverPendingPaymentsUseCase recovery) {
        return new PaymentRecoverySchedule(recovery);
    }

    private static byte[] key(String configured, String property) {
        if (!configured.isBlank()) {
            return Base64.getDecoder().decode(configured);
        }
        log.warn("No {} configured: the links in emails of payments the worker recovers will not work. Set the API's key.", property);
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return random;
    }

    record PaymentRecoverySchedule(RecoverPendingPaymentsUseCase recovery) {

        @Scheduled(fixedDelayString = "${motel.worker.payment-recovery-interval:30s}",
                initialDelayString = "${motel.worker.payment-recovery-initial-delay:15s}")
        void recoverPendingPayments() {
            Recovery run = recovery.recoverPendingPayments();
            if (run.recorded() > 0) {
                log.warn("Recorded the outcome of {} payments left pending (a process stopped, or the processor did not answer in time)",
                        run.recorded());
            }
            run.failed().forEach((payment, why) -> log.error("Could not record the outcome of pending payment {}; it is tried again later",
                    payment, why));
        }
    }
}
