package com.westbethel.motel.application.notification.port.out;

import com.westbethel.motel.application.notification.event.NotificationEvent;

/**
 * Where use cases publish what a guest should hear about. Listeners run in the publisher's transaction,
 * so the email they queue commits, or rolls back, with the change that caused it.
 */
@FunctionalInterface
public interface NotificationEvents {

    void publish(NotificationEvent event);
}
