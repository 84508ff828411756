package com.westbethel.motel.application.notification.port.out;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The outbox as the sender sees it. Claiming takes due emails (and emails whose sender's lease ran
 * out, meaning that sender died) for this sender alone; several senders never claim the same email.
 */
public interface EmailQueue {

    List<QueuedEmail> claim(int max, Duration lease, Instant now);

    /** Marks a batch sent in one statement: ids by the provider that took them. */
    void markSent(Map<UUID, String> providerById, Instant at);

    /** @param retryAt when to try again; empty makes the email DEAD */
    void markFailed(UUID id, String error, Optional<Instant> retryAt);

    /**
     * @param traceContext the trace the email was queued under (the W3C {@code traceparent}, {@code baggage} headers), opaque
     *     here: the sender continues that trace, so one trace covers the request that queued the email and its sending
     */
    record QueuedEmail(UUID id, String template, String locale, String recipient, List<String> cc, List<String> bcc, Map<String, String> model,
            String messageId, int attempts, Map<String, String> traceContext) {

        public QueuedEmail {
            cc = List.copyOf(cc);
            bcc = List.copyOf(bcc);
            model = Map.copyOf(model);
            traceContext = Map.copyOf(traceContext);
        }

        /** An email queued outside any trace. */
        public QueuedEmail(UUID id, String template, String locale, String recipient, List<String> cc, List<String> bcc, Map<String, String> model,
                String messageId, int attempts) {
            this(id, template, locale, recipient, cc, bcc, model, messageId, attempts, Map.of());
        }
    }
}
