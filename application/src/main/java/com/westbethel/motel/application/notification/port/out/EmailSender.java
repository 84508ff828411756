package com.westbethel.motel.application.notification.port.out;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The mail route (SMTP). */
public interface EmailSender {

    /**
     * Sends several messages, over one connection where the route allows, so that a batch does not pay
     * one handshake per message. Each message either names the provider that took it or why none did.
     */
    List<Outcome> sendAll(List<Message> messages);

    /** @param traceContext the trace the email was queued under ({@link EmailQueue.QueuedEmail#traceContext()}), continued by the send */
    record Message(String messageId, String recipient, List<String> cc, List<String> bcc, EmailRenderer.RenderedEmail content,
            Map<String, String> traceContext) {

        public Message {
            cc = List.copyOf(cc);
            bcc = List.copyOf(bcc);
            traceContext = Map.copyOf(traceContext);
        }

        /** A message outside any trace. */
        public Message(String messageId, String recipient, List<String> cc, List<String> bcc, EmailRenderer.RenderedEmail content) {
            this(messageId, recipient, cc, bcc, content, Map.of());
        }
    }

    record Outcome(Message message, Optional<String> provider, Optional<String> error) {

        public boolean sent() {
            return provider.isPresent();
        }
    }
}
