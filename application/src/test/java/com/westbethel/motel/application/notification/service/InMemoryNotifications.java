package com.westbethel.motel.application.notification.service;

import com.westbethel.motel.application.notification.port.out.EmailOutbox;
import com.westbethel.motel.application.notification.port.out.NotificationPreferenceStore;
import com.westbethel.motel.application.notification.port.out.UnsubscribeLinks;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.notification.NotificationPreferences;
import com.westbethel.motel.domain.notification.NotificationType;
import com.westbethel.motel.domain.notification.UnsubscribeToken;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Hand-written in-memory stand-ins for the notification output ports. */
final class InMemoryNotifications {

    private InMemoryNotifications() {
    }

    /** Guests' choices and languages; a guest the store was never told of does not exist. */
    static final class InMemoryPreferences implements NotificationPreferenceStore {

        private final Map<UserId, NotificationPreferences> saved = new HashMap<>();
        private final Map<UserId, Locale> locales = new HashMap<>();
        /** How each saved change was made, in order. */
        final List<String> sources = new ArrayList<>();

        /** A guest with the default choices, reading email in this language. */
        InMemoryPreferences with(UserId guest, Locale locale) {
            locales.put(guest, locale);
            return this;
        }

        @Override
        public NotificationPreferences find(UserId user) {
            return saved.getOrDefault(user, NotificationPreferences.defaults());
        }

        @Override
        public NotificationPreferences findForUpdate(UserId user) {
            return find(user);
        }

        @Override
        public void save(UserId user, NotificationPreferences preferences, String source, Instant at) {
            saved.put(user, preferences);
            sources.add(source);
        }

        @Override
        public Optional<Locale> locale(UserId user) {
            return Optional.ofNullable(locales.get(user));
        }

        @Override
        public void saveLocale(UserId user, Locale chosen) {
            locales.put(user, chosen);
        }
    }

    /** Signs by appending a mark: enough to tell a signed token from a forged one here (HMAC is the adapter's). */
    static final UnsubscribeLinks LINKS = new UnsubscribeLinks() {
        @Override
        public String sign(UnsubscribeToken token) {
            return token.user() + "." + token.type() + ".signed";
        }

        @Override
        public Optional<UnsubscribeToken> verify(String token) {
            String[] parts = token.split("\\.");
            return parts.length == 3 && parts[2].equals("signed")
                    ? Optional.of(new UnsubscribeToken(UUID.fromString(parts[0]), NotificationType.valueOf(parts[1]))) : Optional.empty();
        }
    };

    /** The outbox's rows, in the order they were queued. */
    static final class RecordingOutbox implements EmailOutbox {

        final List<OutgoingEmail> queued = new ArrayList<>();

        @Override
        public void enqueue(OutgoingEmail email) {
            queued.add(email);
        }
    }
}
