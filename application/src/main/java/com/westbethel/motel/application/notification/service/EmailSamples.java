package com.westbethel.motel.application.notification.service;

import com.westbethel.motel.domain.notification.EmailTemplates;
import java.util.HashMap;
import java.util.Map;

/** Plausible values for every variable of every template, for previews and for checking an edited template. */
public final class EmailSamples {

    private EmailSamples() {
    }

    public static Map<String, String> modelFor(String template) {
        Map<String, String> model = new HashMap<>();
        model.put("firstName", "Ada");
        model.put("email", "ada@example.com");
        switch (template) {
            case "email-verification" -> {
                model.put("verificationUrl", "https://westbethelmotel.example/verify-email?token=sample");
                model.put("token", "sample");
                model.put("expiresInHours", "24");
            }
            case "welcome-email" -> model.put("loginUrl", "https://westbethelmotel.example/login");
            case "password-reset" -> {
                model.put("resetUrl", "https://westbethelmotel.example/reset-password?token=sample");
                model.put("token", "sample");
                model.put("expiresInMinutes", "60");
            }
            case "password-changed" -> {
                model.put("how", "changed");
                model.put("resetUrl", "https://westbethelmotel.example/forgot-password");
            }
            case "sign-up-attempt" -> {
                model.put("loginUrl", "https://westbethelmotel.example/login");
                model.put("resetUrl", "https://westbethelmotel.example/forgot-password");
            }
            case "security-alert" -> {
                model.put("alert", "new-device");
                model.put("occurredAt", "2026-11-27T14:05:00Z");
                model.put("ipAddress", "203.0.113.7");
                model.put("device", "Firefox on Linux");
                model.put("previousLocation", "");
                model.put("location", "");
                model.put("failures", "");
            }
            case "loyalty-points-earned" -> {
                model.put("reference", "WB-7K2M9Q");
                model.put("points", "1890");
                model.put("balance", "2340");
                model.put("tier", "SILVER");
            }
            default -> stay(model);
        }
        switch (template) {
            case "booking-confirmation" -> model.put("pointsEarned", "1890");
            case "booking-cancelled" -> model.put("refund", "189.00 USD");
            case "payment-failed" -> model.put("reason", "The card was declined.");
            case "payment-receipt" -> {
                model.put("amount", "189.00 USD");
                model.put("payment", "3f1c1f0e-8a4b-4c55-9d7e-2b1a6f0c9d11");
                model.put("paidAt", "2026-11-27T14:05:00Z");
            }
            default -> {
            }
        }
        if (!EmailTemplates.typeOf(template).essential()) {
            model.put("unsubscribeUrl", "https://westbethelmotel.example/api/v1/notifications/unsubscribe?token=sample");
        }
        return model;
    }

    private static void stay(Map<String, String> model) {
        model.put("reference", "WB-7K2M9Q");
        model.put("propertyName", "West Bethel Motel");
        model.put("roomType", "King Room");
        model.put("checkIn", "2026-12-18");
        model.put("checkOut", "2026-12-21");
        model.put("checkInTime", "15:00");
        model.put("checkOutTime", "11:00");
        model.put("timeZone", "America/New_York");
        model.put("nights", "3");
        model.put("guests", "2");
        model.put("total", "189.00 USD");
    }
}
