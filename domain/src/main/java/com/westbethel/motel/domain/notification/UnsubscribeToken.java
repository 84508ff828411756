package com.westbethel.motel.domain.notification;

import java.util.Objects;
import java.util.UUID;

/** What a one-click unsubscribe link (RFC 8058) stands for: one guest, one notification type. */
public record UnsubscribeToken(UUID user, NotificationType type) {

    public UnsubscribeToken {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(type, "type");
    }
}
