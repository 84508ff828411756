package com.westbethel.motel.domain.notification;

import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * One guest's choices: for each notification type and channel, whether to send. What the guest never
 * chose is the type's default. Essential types stay on by email: a change that would turn one off is
 * refused.
 */
public final class NotificationPreferences {

    private final Map<NotificationType, Map<NotificationChannel, Boolean>> chosen;

    private NotificationPreferences(Map<NotificationType, Map<NotificationChannel, Boolean>> chosen) {
        this.chosen = chosen;
    }

    public static NotificationPreferences defaults() {
        return new NotificationPreferences(new EnumMap<>(NotificationType.class));
    }

    public boolean allows(NotificationType type, NotificationChannel channel) {
        if (type.essential() && channel == NotificationChannel.EMAIL) {
            return true;
        }
        Map<NotificationChannel, Boolean> byChannel = chosen.get(type);
        Boolean choice = byChannel == null ? null : byChannel.get(channel);
        return choice != null ? choice : type.enabledByDefault(channel);
    }

    /** Whether the guest made this choice, as opposed to living with the default. */
    public boolean chose(NotificationType type, NotificationChannel channel) {
        Map<NotificationChannel, Boolean> byChannel = chosen.get(type);
        return byChannel != null && byChannel.containsKey(channel);
    }

    /**
     * @throws EssentialNotificationException when the change turns off an essential type's email
     */
    public NotificationPreferences with(NotificationType type, NotificationChannel channel, boolean enabled) {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(channel, "channel");
        if (!enabled && type.essential() && channel == NotificationChannel.EMAIL) {
            throw new EssentialNotificationException(type);
        }
        Map<NotificationType, Map<NotificationChannel, Boolean>> copy = new EnumMap<>(NotificationType.class);
        chosen.forEach((t, byChannel) -> copy.put(t, new EnumMap<>(byChannel)));
        copy.computeIfAbsent(type, t -> new EnumMap<>(NotificationChannel.class)).put(channel, enabled);
        return new NotificationPreferences(copy);
    }

    /** Refuses to turn off mail a guest must get (account, security, bookings). */
    public static final class EssentialNotificationException extends IllegalArgumentException {

        private final transient NotificationType type;

        public EssentialNotificationException(NotificationType type) {
            super(type + " email is essential (" + type.description().toLowerCase(java.util.Locale.ROOT)
                    + ") and cannot be turned off.");
            this.type = type;
        }

        public NotificationType type() {
            return type;
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof NotificationPreferences that && chosen.equals(that.chosen);
    }

    @Override
    public int hashCode() {
        return chosen.hashCode();
    }
}
