package com.westbethel.motel.domain.notification;

/** How a notification reaches a guest. SMS is opt-in only, and nothing is sent by SMS until a guest opts in. */
public enum NotificationChannel {
    EMAIL,
    SMS
}
