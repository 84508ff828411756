package com.westbethel.motel.application.notification.service;

import com.westbethel.motel.application.notification.port.in.DeliverEmailsUseCase;
import com.westbethel.motel.application.notification.port.out.EmailQueue;
import com.westbethel.motel.application.notification.port.out.EmailQueue.QueuedEmail;
import com.westbethel.motel.application.notification.port.out.EmailRenderer;
import com.westbethel.motel.application.notification.port.out.EmailRenderer.RenderedEmail;
import com.westbethel.motel.application.notification.port.out.EmailSender;
import com.westbethel.motel.domain.notification.DeliveryPolicy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Sends a batch from the outbox. No transaction spans the sending: each email is claimed under a lease,
 * sent, and its outcome recorded on its own, so a slow SMTP server holds no lock and a crashed worker's
 * emails are claimed again when their lease runs out (DESIGN section 5).
 */
public class EmailDelivery implements DeliverEmailsUseCase {

    private final EmailQueue queue;
    private final EmailRenderer renderer;
    private final EmailSender sender;
    private final DeliveryPolicy policy;
    private final int batchSize;
    private final Duration lease;
    private final Clock clock;

    public EmailDelivery(EmailQueue queue, EmailRenderer renderer, EmailSender sender, DeliveryPolicy policy, int batchSize, Duration lease,
            Clock clock) {
        this.queue = queue;
        this.renderer = renderer;
        this.sender = sender;
        this.policy = policy;
        this.batchSize = batchSize;
        this.lease = lease;
        this.clock = clock;
    }

    @Override
    public DeliveryReport deliverBatch() {
        int sent = 0;
        int retrying = 0;
        int dead = 0;
        for (QueuedEmail email : queue.claim(batchSize, lease, clock.instant())) {
            RenderedEmail rendered;
            try {
                rendered = renderer.render(email.template(), Locale.forLanguageTag(email.locale()), email.model());
            } catch (RuntimeException brokenTemplate) {
                // Rendering again will not help: this email alone is dead, the rest of the batch goes on.
                queue.markFailed(email.id(), "template error: " + brokenTemplate.getMessage(), Optional.empty());
                dead++;
                continue;
            }
            try {
                String provider = sender.send(new EmailSender.Message(email.messageId(), email.recipient(), rendered.subject(), rendered.html(),
                        rendered.text()));
                queue.markSent(email.id(), provider, clock.instant());
                sent++;
            } catch (RuntimeException sendFailed) {
                Optional<Instant> retryAt = policy.nextAttempt(email.attempts(), clock.instant(), ThreadLocalRandom.current().nextDouble());
                queue.markFailed(email.id(), String.valueOf(sendFailed.getMessage()), retryAt);
                if (retryAt.isPresent()) {
                    retrying++;
                } else {
                    dead++;
                }
            }
        }
        return new DeliveryReport(sent, retrying, dead);
    }
}
