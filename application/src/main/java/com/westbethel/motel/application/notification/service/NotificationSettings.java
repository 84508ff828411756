package com.westbethel.motel.application.notification.service;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * @param supportedLocales the languages the email templates are written in (English first)
 * @param unsubscribeKey the HMAC key that signs one-click unsubscribe links
 */
public record NotificationSettings(List<Locale> supportedLocales, byte[] unsubscribeKey) {

    public NotificationSettings {
        supportedLocales = List.copyOf(supportedLocales);
        Objects.requireNonNull(unsubscribeKey, "unsubscribeKey");
        if (unsubscribeKey.length < 32) {
            throw new IllegalArgumentException("the unsubscribe key must be at least 256 bits");
        }
    }

    public boolean supports(Locale locale) {
        return supportedLocales.stream().anyMatch(supported -> supported.getLanguage().equals(locale.getLanguage()));
    }

    public List<String> supportedLanguageTags() {
        return supportedLocales.stream().map(Locale::toLanguageTag).toList();
    }
}
