package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.identity.port.out.GeoLocator;
import com.westbethel.motel.application.identity.port.out.SecurityEvents;
import com.westbethel.motel.application.identity.port.out.SecurityEvents.SecurityEvent;
import com.westbethel.motel.application.identity.port.out.Sessions.DeviceHistory;
import com.westbethel.motel.application.notification.event.Recipient;
import com.westbethel.motel.application.notification.event.SecurityAlert;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.domain.identity.Device;
import com.westbethel.motel.domain.identity.GeoPoint;
import com.westbethel.motel.domain.identity.ImpossibleTravel;
import com.westbethel.motel.domain.identity.User;
import java.time.Instant;
import java.util.Optional;

/**
 * The security log of logins, and the alerts a login raises: every try, lock and success goes into
 * {@link SecurityEvents} (the user's login history); a new device, impossible travel, a lockout or a reused
 * refresh token also emails the owner.
 */
public record LoginAlerts(SecurityEvents events, GeoLocator geo, NotificationEvents notifications) {

    /** A try on an address that may have no account: logged under the address as typed. */
    void log(Optional<User> user, String email, SecurityEvents.Type type, Device device, Instant now) {
        events.record(new SecurityEvent(user.map(User::id), email, type, device.ipAddress(), device.userAgent(), now));
    }

    void log(User user, SecurityEvents.Type type, Device device, Instant now) {
        log(Optional.of(user), user.email().value(), type, device, now);
    }

    /**
     * A login succeeded: logged, and the owner alerted when it came from a new device (though not at their first
     * login) or from farther than anyone travels since the previous login. Called before the new session starts,
     * with the device history from before it.
     */
    void loggedIn(User user, Device device, DeviceHistory history, Instant now) {
        checkTravel(user, device, now);
        log(user, SecurityEvents.Type.LOGIN_SUCCEEDED, device, now);
        if (history.anySession() && !history.knownDevice()) {
            log(user, SecurityEvents.Type.NEW_DEVICE, device, now);
            notifications.publish(SecurityAlert.newDevice(Recipient.of(user), device, now));
        }
    }

    /** Compares this login's place with the previous login's, when the GeoIP source knows both. */
    private void checkTravel(User user, Device device, Instant now) {
        Optional<GeoPoint> here = geo.locate(device.ipAddress());
        if (here.isEmpty()) {
            return;
        }
        events.lastLogin(user.id())
                .ifPresent(previous -> geo.locate(previous.ipAddress())
                        .filter(there -> ImpossibleTravel.between(there, previous.occurredAt(), here.get(), now))
                        .ifPresent(there -> {
                            log(user, SecurityEvents.Type.IMPOSSIBLE_TRAVEL, device, now);
                            notifications.publish(SecurityAlert.impossibleTravel(Recipient.of(user), device,
                                    new SecurityAlert.Travel(there.label(), here.get().label()), now));
                        }));
    }

    /** An address's lock on the account has just started. */
    void lockout(User user, Device device, int failures, Instant now) {
        notifications.publish(SecurityAlert.lockout(Recipient.of(user), device, failures, now));
    }

    /** A refresh token was presented again after its use: one of its holders is not the owner. */
    void refreshTokenReused(User user, Device device, Instant now) {
        log(user, SecurityEvents.Type.REFRESH_TOKEN_REUSED, device, now);
        notifications.publish(SecurityAlert.of(Recipient.of(user), SecurityAlert.Kind.REFRESH_TOKEN_REUSE, now));
    }
}
