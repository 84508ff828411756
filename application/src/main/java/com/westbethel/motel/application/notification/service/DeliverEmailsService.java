package com.westbethel.motel.application.notification.service;

import com.westbethel.motel.application.notification.port.in.DeliverEmailsUseCase;
import com.westbethel.motel.application.notification.port.out.EmailQueue.QueuedEmail;
import com.westbethel.motel.application.notification.port.out.EmailQueue;
import com.westbethel.motel.application.notification.port.out.EmailRenderer.RenderedEmail;
import com.westbethel.motel.application.notification.port.out.EmailRenderer;
import com.westbethel.motel.application.notification.port.out.EmailSender;
import com.westbethel.motel.domain.notification.DeliveryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends a batch from the outbox. No transaction spans the sending: each email is claimed under a lease,
 * sent, and its outcome recorded on its own, so a slow SMTP server holds no lock and a crashed worker's
 * emails are claimed again when their lease runs out (docs/architecture.md §5).
 */
public record DeliverEmailsService(EmailQueue queue, EmailRenderer renderer, EmailSender sender, DeliveryPolicy policy, int batchSize, Duration lease, Clock clock) implements DeliverEmailsUseCase {

    @Override
    public DeliveryReport deliverBatch() {
        int retrying = 0;
        int dead = 0;
        Map<String, QueuedEmail> byMessageId = new LinkedHashMap<>();
        List<EmailSender.Message> messages = new ArrayList<>();
        for (QueuedEmail email : queue.claim(batchSize, lease, clock.instant())) {
            try {
                RenderedEmail rendered = renderer.render(email.template(), Locale.forLanguageTag(email.locale()), email.model());
                messages.add(new EmailSender.Message(email.messageId(), email.recipient(), email.cc(), email.bcc(), rendered, email.traceContext()));
                byMessageId.put(email.messageId(), email);
            } catch (RuntimeException brokenTemplate) {
                // Rendering again will not help: this email alone is dead, the rest of the batch goes on.
                queue.markFailed(email.id(), "template error: " + brokenTemplate.getMessage(), Optional.empty());
                dead++;
            }
        }
        Map<UUID, String> sent = new LinkedHashMap<>();
        for (EmailSender.Outcome outcome : messages.isEmpty() ? List.<EmailSender.Outcome>of() : sender.sendAll(messages)) {
            QueuedEmail email = byMessageId.get(outcome.message().messageId());
            if (outcome.sent()) {
                sent.put(email.id(), outcome.provider().get());
                continue;
            }
            Optional<Instant> retryAt = policy.nextAttempt(email.attempts(), clock.instant(), ThreadLocalRandom.current().nextDouble());
            queue.markFailed(email.id(), outcome.error().orElse("not sent"), retryAt);
            if (retryAt.isPresent()) {
                retrying++;
            } else {
                dead++;
            }
        }
        if (!sent.isEmpty()) {
            queue.markSent(sent, clock.instant());
        }
        return new DeliveryReport(sent.size(), retrying, dead);
    }
}
