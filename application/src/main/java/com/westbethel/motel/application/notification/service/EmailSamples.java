package com.westbethel.motel.application.notification.service;

import com.westbethel.motel.domain.notification.EmailTemplates;
import java.util.HashMap;
import java.util.Map;

/** Plausible values for every variable of every template, for previews and for checking an edited template. */
public final class EmailSamples {

    private static final String SITE = "https://westbethelmotel.example";

    /** A three-night stay, what every booking email speaks of. */
    private static final Map<String, String> STAY = Map.ofEntries(
            Map.entry("reference", "WB-7K2M9Q"), Map.entry("propertyName", "West Bethel Motel"), Map.entry("roomType", "King Room"),
            Map.entry("checkIn", "2026-12-18"), Map.entry("checkOut", "2026-12-21"), Map.entry("checkInTime", "15:00"),
            Map.entry("checkOutTime", "11:00"), Map.entry("timeZone", "America/New_York"), Map.entry("nights", "3"), Map.entry("guests", "2"),
            Map.entry("total", "189.00 USD"));

    private EmailSamples() {
    }

    public static Map<String, String> modelFor(String template) {
        Map<String, String> model = new HashMap<>(Map.of("firstName", "Ada", "email", "ada@example.com"));
        model.putAll(switch (template) {
            case "email-verification" -> Map.of("verificationUrl", SITE + "/verify-email?token=sample", "token", "sample", "expiresInHours", "24");
            case "welcome-email" -> Map.of("loginUrl", SITE + "/login");
            case "password-reset" -> Map.of("resetUrl", SITE + "/reset-password?token=sample", "token", "sample", "expiresInMinutes", "60");
            case "password-changed" -> Map.of("how", "changed", "resetUrl", SITE + "/forgot-password");
            case "sign-up-attempt" -> Map.of("loginUrl", SITE + "/login", "resetUrl", SITE + "/forgot-password");
            case "security-alert" -> Map.of("alert", "new-device", "occurredAt", "2026-11-27T14:05:00Z", "ipAddress", "203.0.113.7",
                    "device", "Firefox on Linux", "previousLocation", "", "location", "", "failures", "");
            case "loyalty-points-earned" -> Map.of("reference", "WB-7K2M9Q", "points", "1890", "balance", "2340", "tier", "SILVER");
            default -> STAY;
        });
        model.putAll(switch (template) {
            case "booking-confirmation" -> Map.of("pointsEarned", "1890", "manageUrl", SITE + "/manage/sample");
            case "booking-cancelled" -> Map.of("refund", "189.00 USD");
            case "payment-failed" -> Map.of("reason", "The card was declined.");
            case "payment-receipt" -> Map.of("amount", "189.00 USD", "payment", "3f1c1f0e-8a4b-4c55-9d7e-2b1a6f0c9d11", "paidAt", "2026-11-27T14:05:00Z",
                    "manageUrl", SITE + "/manage/sample");
            default -> Map.of();
        });
        if (!EmailTemplates.typeOf(template).essential()) {
            model.put("unsubscribeUrl", SITE + "/unsubscribe?token=sample");
        }
        return model;
    }
}
