package com.westbethel.motel.application.notification.service;

import com.westbethel.motel.application.notification.port.in.ManageNotificationPreferencesUseCase;
import com.westbethel.motel.application.notification.port.out.NotificationPreferenceStore;
import com.westbethel.motel.application.notification.port.out.UnsubscribeLinks;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.notification.NotificationChannel;
import com.westbethel.motel.domain.notification.NotificationPreferences;
import com.westbethel.motel.domain.notification.NotificationPreferences.EssentialNotificationException;
import com.westbethel.motel.domain.notification.NotificationType;
import com.westbethel.motel.domain.notification.UnsubscribeToken;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** Preferences by account and by unsubscribe link; see {@link ManageNotificationPreferencesUseCase}. */
public record ManageNotificationPreferencesService(NotificationPreferenceStore store, NotificationSettings settings, UnsubscribeLinks links, Clock clock) implements ManageNotificationPreferencesUseCase {

    @Override
    public PreferencesView preferences(UserId user) {
        Locale locale = store.locale(user).orElse(Locale.ENGLISH);
        return view(store.find(user), locale);
    }

    @Override
    public UpdateResult update(UserId user, List<Change> changes, Optional<String> locale) {
        Optional<Locale> language = locale.map(Locale::forLanguageTag);
        if (language.isPresent() && !settings.supports(language.get())) {
            return new UpdateResult.Refused("locale", "Emails are written in %s; %s is not one of them."
                    .formatted(String.join(", ", settings.supportedLanguageTags()), locale.get()));
        }
        NotificationPreferences preferences = store.findForUpdate(user);
        try {
            for (Change change : changes) {
                preferences = preferences.with(change.type(), change.channel(), change.enabled());
            }
        } catch (EssentialNotificationException essential) {
            return new UpdateResult.Refused("preferences", essential.getMessage());
        }
        store.save(user, preferences, "account", clock.instant());
        language.ifPresent(chosen -> store.saveLocale(user, chosen));
        return new UpdateResult.Updated(view(preferences, language.orElseGet(() -> store.locale(user).orElse(Locale.ENGLISH))));
    }

    @Override
    public Optional<NotificationType> unsubscribeTarget(String token) {
        return verified(token).map(UnsubscribeToken::type);
    }

    @Override
    public boolean unsubscribe(String token) {
        Optional<UnsubscribeToken> verified = verified(token);
        verified.ifPresent(link -> {
            UserId user = new UserId(link.user());
            NotificationPreferences preferences = store.findForUpdate(user).with(link.type(), NotificationChannel.EMAIL, false);
            store.save(user, preferences, "unsubscribe-link", clock.instant());
        });
        return verified.isPresent();
    }

    /** A link must be signed with the motel's key, for a type that may be turned off, of a guest who still exists. */
    private Optional<UnsubscribeToken> verified(String token) {
        return links.verify(token)
                .filter(link -> !link.type().essential())
                .filter(link -> store.locale(new UserId(link.user())).isPresent());
    }

    private PreferencesView view(NotificationPreferences preferences, Locale locale) {
        List<TypeView> types = Arrays.stream(NotificationType.values())
                .map(type -> new TypeView(type, type.description(), type.essential(),
                        preferences.allows(type, NotificationChannel.EMAIL), preferences.allows(type, NotificationChannel.SMS)))
                .toList();
        return new PreferencesView(locale.toLanguageTag(), settings.supportedLanguageTags(), types);
    }
}
