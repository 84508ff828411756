package com.westbethel.motel.adapters.messaging.notification;

import com.westbethel.motel.application.notification.event.NotificationEvent;
import com.westbethel.motel.application.notification.port.in.QueueNotificationEmailsUseCase;
import org.springframework.context.event.EventListener;

/**
 * Hands each notification event from Spring's (synchronous) event bus to the use case that queues its emails: the one
 * path by which the motel's email is queued. It runs in the publishing use case's transaction, so the emails commit, or
 * roll back, with the change that caused them. Who gets which email, and what it says, is decided behind the port.
 */
public class EmailNotificationListener {

    private final QueueNotificationEmailsUseCase emails;

    public EmailNotificationListener(QueueNotificationEmailsUseCase emails) {
        this.emails = emails;
    }

    @EventListener
    public void on(NotificationEvent event) {
        emails.queue(event);
    }
}
