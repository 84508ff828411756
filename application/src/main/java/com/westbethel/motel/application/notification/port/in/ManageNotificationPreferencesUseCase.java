package com.westbethel.motel.application.notification.port.in;

import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.notification.NotificationChannel;
import com.westbethel.motel.domain.notification.NotificationType;
import java.util.List;
import java.util.Optional;

/**
 * A guest's notification preferences: what they receive, on which channel, in which language; and the
 * one-click unsubscribe link of every non-essential email (RFC 8058), which works without logging in.
 */
public interface ManageNotificationPreferencesUseCase {

    PreferencesView preferences(UserId user);

    /** Applies every change or none: one refused change (an essential type's email, an unknown language) refuses all. */
    UpdateResult update(UserId user, List<Change> changes, Optional<String> locale);

    /** What a link would unsubscribe from, for the page that asks to confirm; empty for a forged or broken link. */
    Optional<NotificationType> unsubscribeTarget(String token);

    /** @return false for a forged or broken link, which changes nothing */
    boolean unsubscribe(String token);

    record Change(NotificationType type, NotificationChannel channel, boolean enabled) {
    }

    record PreferencesView(String locale, List<String> supportedLocales, List<TypeView> types) {
    }

    record TypeView(NotificationType type, String description, boolean essential, boolean email, boolean sms) {
    }

    sealed interface UpdateResult {

        record Updated(PreferencesView preferences) implements UpdateResult {
        }

        record Refused(String field, String reason) implements UpdateResult {
        }
    }
}
