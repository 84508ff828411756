package com.westbethel.motel.domain.notification;

import java.util.Set;

/** The emails the motel sends, by template name. An email of any other name is refused when queued. */
public final class EmailTemplates {

    public static final Set<String> ALL = Set.of("welcome-email", "email-verification", "password-reset", "password-changed", "security-alert",
            "booking-confirmation", "booking-cancelled", "payment-receipt", "payment-failed", "loyalty-points-earned");

    private EmailTemplates() {
    }
}
