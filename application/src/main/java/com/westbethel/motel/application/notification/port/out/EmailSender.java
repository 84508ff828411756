package com.westbethel.motel.application.notification.port.out;

import java.util.List;
import java.util.Optional;

/** The mail route (SMTP). */
public interface EmailSender {

    /**
     * Sends several messages, over one connection where the route allows, so that a batch does not pay
     * one handshake per message. Each message either names the provider that took it or why none did.
     */
    List<Outcome> sendAll(List<Message> messages);

    record Message(String messageId, String recipient, List<String> cc, List<String> bcc, EmailRenderer.RenderedEmail content) {

        public Message {
            cc = List.copyOf(cc);
            bcc = List.copyOf(bcc);
        }
    }

    record Outcome(Message message, Optional<String> provider, Optional<String> error) {

        public boolean sent() {
            return provider.isPresent();
        }
    }
}
