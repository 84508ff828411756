package com.westbethel.motel.domain.notification;

import java.util.Map;
import java.util.Set;

/** The emails the motel sends, by template name. An email of any other name is refused when queued. */
public final class EmailTemplates {

    public static final Set<String> ALL = Set.of("welcome-email", "email-verification", "password-reset", "password-changed", "security-alert",
            "sign-up-attempt", "booking-confirmation", "booking-cancelled", "payment-receipt", "payment-failed", "loyalty-points-earned");

    private static final Map<String, NotificationType> TYPES = Map.ofEntries(
            Map.entry("welcome-email", NotificationType.ACCOUNT_SECURITY),
            Map.entry("email-verification", NotificationType.ACCOUNT_SECURITY),
            Map.entry("password-reset", NotificationType.ACCOUNT_SECURITY),
            Map.entry("password-changed", NotificationType.ACCOUNT_SECURITY),
            Map.entry("security-alert", NotificationType.ACCOUNT_SECURITY),
            Map.entry("sign-up-attempt", NotificationType.ACCOUNT_SECURITY),
            Map.entry("booking-confirmation", NotificationType.BOOKINGS),
            Map.entry("booking-cancelled", NotificationType.BOOKINGS),
            Map.entry("payment-failed", NotificationType.BOOKINGS),
            Map.entry("payment-receipt", NotificationType.PAYMENT_RECEIPTS),
            Map.entry("loyalty-points-earned", NotificationType.LOYALTY));

    /** The notification type a template belongs to, which decides whether a guest may turn it off. */
    public static NotificationType typeOf(String template) {
        NotificationType type = TYPES.get(template);
        if (type == null) {
            throw new IllegalArgumentException("no email template called " + template);
        }
        return type;
    }

    private EmailTemplates() {
    }
}
