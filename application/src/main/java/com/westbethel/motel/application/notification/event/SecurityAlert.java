package com.westbethel.motel.application.notification.event;

import com.westbethel.motel.domain.identity.Device;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Something on a guest's account they should know about at once. It carries what happened, never how to say it: the
 * {@code security-alert} email template words each kind, so a translated template translates the whole alert.
 *
 * @param device where it came from, for a new device and a lockout
 * @param travel the places of the previous and of this login, for impossible travel
 * @param failures how many wrong passwords or codes, for a lockout and failed re-authentication
 */
public record SecurityAlert(Recipient recipient, Kind kind, Instant occurredAt, Optional<Device> device, Optional<Travel> travel,
        OptionalInt failures) implements NotificationEvent {

    /** Built by the factories below, which give every fact a kind has and no other. */
    public SecurityAlert {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(occurredAt, "occurredAt");
    }

    /** What happened. */
    public enum Kind {
        /** A login from a device the account never used, though not its first login. */
        NEW_DEVICE,
        /** Two logins farther apart than anyone travels in the time between them. */
        IMPOSSIBLE_TRAVEL,
        /** Wrong passwords from one address paused that address's logins to the account. */
        LOCKOUT,
        /** A refresh token was used twice; its session has been ended. */
        REFRESH_TOKEN_REUSE,
        /** Wrong passwords or codes while changing the password or two-factor login, by someone signed in as the guest. */
        REAUTHENTICATION_FAILURES,
        MFA_ENABLED,
        MFA_DISABLED,
        BACKUP_CODES_REGENERATED,
        /** An administrator removed two-factor login and ended every session. */
        MFA_RESET;

        /** The name templates and the email queue know it by: {@code new-device}, {@code mfa-disabled}, ... */
        public String code() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    /** Where the account was used before, and where now: place names as the GeoIP source labels them. */
    public record Travel(String from, String to) {

        public Travel {
            Objects.requireNonNull(from, "from");
            Objects.requireNonNull(to, "to");
        }
    }

    /** An alert with no facts beyond its kind and time. */
    public static SecurityAlert of(Recipient recipient, Kind kind, Instant occurredAt) {
        return new SecurityAlert(recipient, kind, occurredAt, Optional.empty(), Optional.empty(), OptionalInt.empty());
    }

    public static SecurityAlert newDevice(Recipient recipient, Device device, Instant occurredAt) {
        return new SecurityAlert(recipient, Kind.NEW_DEVICE, occurredAt, Optional.of(device), Optional.empty(), OptionalInt.empty());
    }

    public static SecurityAlert impossibleTravel(Recipient recipient, Device device, Travel travel, Instant occurredAt) {
        return new SecurityAlert(recipient, Kind.IMPOSSIBLE_TRAVEL, occurredAt, Optional.of(device), Optional.of(travel), OptionalInt.empty());
    }

    public static SecurityAlert lockout(Recipient recipient, Device device, int failures, Instant occurredAt) {
        return new SecurityAlert(recipient, Kind.LOCKOUT, occurredAt, Optional.of(device), Optional.empty(), OptionalInt.of(failures));
    }

    public static SecurityAlert reauthenticationFailures(Recipient recipient, int failures, Instant occurredAt) {
        return new SecurityAlert(recipient, Kind.REAUTHENTICATION_FAILURES, occurredAt, Optional.empty(), Optional.empty(),
                OptionalInt.of(failures));
    }
}
