package com.westbethel.motel.application.notification.event;

/** A guest's password changed, by a reset or by the guest while logged in. */
public record PasswordChanged(Recipient recipient, How how) implements NotificationEvent {

    public enum How { RESET, CHANGED }
}
