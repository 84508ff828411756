package com.westbethel.motel.domain.notification;

/**
 * What a notification is about, as a guest chooses what to receive. Essential types (account and
 * security mail, bookings) cannot be turned off by email; marketing starts off until the guest opts in
 * (GDPR, CAN-SPAM); the others start on.
 */
public enum NotificationType {

    ACCOUNT_SECURITY(true, true, "Email verification, password resets, password changes and security alerts"),
    BOOKINGS(true, true, "Booking confirmations, cancellations and failed payments"),
    PAYMENT_RECEIPTS(false, true, "A receipt for every payment"),
    LOYALTY(false, true, "Loyalty points earned"),
    MARKETING(false, false, "Offers and news from the motel");

    private final boolean essential;
    private final boolean emailByDefault;
    private final String description;

    NotificationType(boolean essential, boolean emailByDefault, String description) {
        this.essential = essential;
        this.emailByDefault = emailByDefault;
        this.description = description;
    }

    /** Essential mail always goes out by email, whatever the preferences say. */
    public boolean essential() {
        return essential;
    }

    public boolean enabledByDefault(NotificationChannel channel) {
        return channel == NotificationChannel.EMAIL && emailByDefault;
    }

    public String description() {
        return description;
    }
}
