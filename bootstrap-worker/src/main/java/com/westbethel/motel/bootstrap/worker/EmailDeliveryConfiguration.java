package com.westbethel.motel.bootstrap.worker;

import com.westbethel.motel.adapters.messaging.notification.SmtpEmailSender;
import com.westbethel.motel.adapters.messaging.notification.ThymeleafEmailRenderer;
import com.westbethel.motel.adapters.persistence.identity.AesGcmSecretCipher;
import com.westbethel.motel.adapters.persistence.identity.IdentityProperties;
import com.westbethel.motel.adapters.persistence.notification.JdbcEmailQueue;
import com.westbethel.motel.adapters.persistence.notification.JdbcEmailTemplateOverrides;
import com.westbethel.motel.application.notification.port.in.DeliverEmailsUseCase.DeliveryReport;
import com.westbethel.motel.application.notification.port.in.DeliverEmailsUseCase;
import com.westbethel.motel.application.notification.service.DeliverEmailsService;
import com.westbethel.motel.domain.notification.DeliveryPolicy;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Drains the email outbox over SMTP ({@code spring.mail.*}, with an optional fallback server under
 * {@code motel.mail.fallback.*}). Several workers may run: each claims its own emails.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EmailDeliveryProperties.class)
class EmailDeliveryConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmailDeliveryConfiguration.class);

    /**
     * Opens the reset links the API sealed in the outbox, with a key derived from the API's
     * {@code motel.security.mfa-encryption-key} (MOTEL_SECURITY_MFAENCRYPTIONKEY) for that purpose alone, so it cannot
     * open an MFA secret. Without the key, those emails are marked DEAD rather than sent broken.
     */
    @Bean
    AesGcmSecretCipher outboxSecretCipher(IdentityProperties properties) {
        String key = properties.mfaEncryptionKey();
        if (!key.isBlank()) {
            return AesGcmSecretCipher.forEmailOutbox(Base64.getDecoder().decode(key));
        }
        log.warn("No motel.security.mfa-encryption-key configured: password-reset emails, sealed by the API with its key, cannot be "
                + "opened and will be marked DEAD. Set MOTEL_SECURITY_MFAENCRYPTIONKEY to the API's key.");
        byte[] random = new byte[32];
        new SecureRandom().nextBytes(random);
        return new AesGcmSecretCipher(random);
    }

    @Bean
    DeliverEmailsService emailDelivery(JdbcClient jdbc, JdbcEmailTemplateOverrides overrides, AesGcmSecretCipher outboxSecretCipher,
            JavaMailSenderImpl primary, @Value("${motel.mail.from}") String from, @Value("${motel.mail.fallback.host:}") String fallbackHost,
            @Value("${motel.mail.fallback.port:25}") int fallbackPort, EmailDeliveryProperties delivery, Clock clock, ObjectProvider<ObservationRegistry> observations) {
        List<SmtpEmailSender.Provider> providers = new ArrayList<>();
        providers.add(new SmtpEmailSender.Provider("primary", primary));
        if (!fallbackHost.isBlank()) {
            JavaMailSenderImpl fallback = new JavaMailSenderImpl();
            fallback.setHost(fallbackHost);
            fallback.setPort(fallbackPort);
            fallback.setJavaMailProperties(primary.getJavaMailProperties());
            providers.add(new SmtpEmailSender.Provider("fallback", fallback));
        }
        return new DeliverEmailsService(new JdbcEmailQueue(jdbc, outboxSecretCipher),
                new ThymeleafEmailRenderer(overrides, delivery.emailTemplateRefresh(), clock), new SmtpEmailSender(providers, from, observations.getIfAvailable(() -> ObservationRegistry.NOOP)),
                new DeliveryPolicy(delivery.emailMaxAttempts(), delivery.emailFirstRetry(), delivery.emailLongestRetry()),
                delivery.emailBatchSize(), delivery.emailLease(), clock);
    }

    @Bean
    DeliverySchedule emailDeliverySchedule(DeliverEmailsUseCase delivery, MeterRegistry registry, EmailDeliveryProperties properties, Clock clock) {
        return new DeliverySchedule(delivery, registry.counter("motel.email.sent"), registry.counter("motel.email.failed", "outcome", "retrying"),
                registry.counter("motel.email.failed", "outcome", "dead"), properties.emailDeliveryMaxRun(), clock);
    }

    /**
     * Each turn sends batch after batch while emails are waiting and none failed (a failing route waits for the next turn),
     * until {@code maxRun} has passed: a backlog is drained over several turns, each of which ends and counts as a success.
     */
    record DeliverySchedule(DeliverEmailsUseCase delivery, Counter sent, Counter retrying, Counter dead, Duration maxRun, Clock clock) {

        @Scheduled(fixedDelayString = "${motel.worker.email-delivery-interval:2s}",
                initialDelayString = "${motel.worker.email-delivery-initial-delay:5s}")
        void deliverEmails() {
            Instant until = clock.instant().plus(maxRun);
            DeliveryReport report;
            do {
                report = delivery.deliverBatch();
                sent.increment(report.sent());
                retrying.increment(report.retrying());
                dead.increment(report.dead());
            } while (report.claimed() > 0 && report.retrying() == 0 && clock.instant().isBefore(until));
        }
    }
}
