package com.westbethel.motel.application.notification.port.out;

/** The mail route (SMTP). */
public interface EmailSender {

    /** Sends one message; returns the name of the provider that took it. Throws when none did. */
    String send(Message message);

    record Message(String messageId, String recipient, String subject, String html, String text) {
    }
}
