package com.westbethel.motel.application.notification.port.in;

import com.westbethel.motel.application.notification.event.NotificationEvent;

/**
 * An event a use case published becomes emails in the outbox, in that use case's transaction, so they commit or roll
 * back with the change that caused them: one for each address the notification policy names.
 */
public interface QueueNotificationEmailsUseCase {

    void queue(NotificationEvent event);
}
