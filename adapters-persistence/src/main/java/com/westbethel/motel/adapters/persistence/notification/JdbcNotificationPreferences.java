package com.westbethel.motel.adapters.persistence.notification;

import static com.westbethel.motel.adapters.persistence.support.Timestamps.utc;

import com.westbethel.motel.application.notification.port.out.NotificationPreferenceStore;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.notification.NotificationChannel;
import com.westbethel.motel.domain.notification.NotificationPreferences;
import com.westbethel.motel.domain.notification.NotificationType;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Preferences in {@code notification_preferences}, languages in {@code users.locale}. */
public record JdbcNotificationPreferences(JdbcClient jdbc) implements NotificationPreferenceStore {

    @Override
    public NotificationPreferences find(UserId user) {
        NotificationPreferences preferences = NotificationPreferences.defaults();
        for (Choice choice : jdbc.sql("SELECT notification_type, channel, enabled FROM notification_preferences WHERE user_id = :user")
                .param("user", user.value())
                .query((row, number) -> new Choice(NotificationType.valueOf(row.getString("notification_type")),
                        NotificationChannel.valueOf(row.getString("channel")), row.getBoolean("enabled")))
                .list()) {
            preferences = preferences.with(choice.type(), choice.channel(), choice.enabled());
        }
        return preferences;
    }

    @Override
    public NotificationPreferences findForUpdate(UserId user) {
        // The account's row is the lock: there may be no preference row yet to lock.
        jdbc.sql("SELECT id FROM users WHERE id = :user FOR UPDATE").param("user", user.value()).query(UUID.class).optional();
        return find(user);
    }

    @Override
    public void save(UserId user, NotificationPreferences preferences, String source, Instant at) {
        for (NotificationType type : NotificationType.values()) {
            for (NotificationChannel channel : NotificationChannel.values()) {
                if (!preferences.chose(type, channel)) {
                    continue;
                }
                // A choice that did not change keeps its original time and source: that is when consent was given.
                jdbc.sql("""
                                INSERT INTO notification_preferences (user_id, notification_type, channel, enabled, source, updated_at)
                                VALUES (:user, :type, :channel, :enabled, :source, :at)
                                ON CONFLICT (user_id, notification_type, channel) DO UPDATE
                                    SET enabled = excluded.enabled, source = excluded.source, updated_at = excluded.updated_at
                                    WHERE notification_preferences.enabled <> excluded.enabled
                                """)
                        .param("user", user.value())
                        .param("type", type.name())
                        .param("channel", channel.name())
                        .param("enabled", preferences.allows(type, channel))
                        .param("source", source)
                        .param("at", utc(at))
                        .update();
            }
        }
    }

    @Override
    public Optional<Locale> locale(UserId user) {
        return jdbc.sql("SELECT locale FROM users WHERE id = :user")
                .param("user", user.value())
                .query(String.class)
                .optional()
                .map(Locale::forLanguageTag);
    }

    @Override
    public void saveLocale(UserId user, Locale locale) {
        jdbc.sql("UPDATE users SET locale = :locale WHERE id = :user")
                .param("locale", locale.toLanguageTag())
                .param("user", user.value())
                .update();
    }

    private record Choice(NotificationType type, NotificationChannel channel, boolean enabled) {
    }
}
