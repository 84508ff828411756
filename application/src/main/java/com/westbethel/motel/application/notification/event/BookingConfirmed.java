package com.westbethel.motel.application.notification.event;

/**
 * A booking was paid and is confirmed: the spec's "booking created" (an unpaid hold is not yet a booking to announce).
 *
 * @param manageUrl the signed link that manages the booking without an account (as secret as a reset link)
 */
public record BookingConfirmed(Recipient recipient, StayDetails stay, long pointsEarned, String manageUrl) implements NotificationEvent {

    @Override
    public String toString() {
        return "BookingConfirmed[" + stay.reference() + ", manage link redacted]";
    }
}
