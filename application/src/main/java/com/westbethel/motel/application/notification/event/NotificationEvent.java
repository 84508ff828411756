package com.westbethel.motel.application.notification.event;

/** Something a guest is told about; every event names who. */
public sealed interface NotificationEvent
        permits UserRegistered, EmailVerificationRequested, EmailVerified, PasswordResetRequested, PasswordChanged, SecurityAlert, SignUpAttempted,
        BookingConfirmed, BookingCancelled, PaymentReceived, PaymentFailed, LoyaltyPointsEarned {

    Recipient recipient();
}
