package com.westbethel.motel.application.notification.service;

import java.util.List;
import java.util.Locale;

/** @param supportedLocales the languages the email templates are written in (English first) */
public record NotificationSettings(List<Locale> supportedLocales) {

    public NotificationSettings {
        supportedLocales = List.copyOf(supportedLocales);
    }

    public boolean supports(Locale locale) {
        return supportedLocales.stream().anyMatch(supported -> supported.getLanguage().equals(locale.getLanguage()));
    }

    public List<String> supportedLanguageTags() {
        return supportedLocales.stream().map(Locale::toLanguageTag).toList();
    }
}
