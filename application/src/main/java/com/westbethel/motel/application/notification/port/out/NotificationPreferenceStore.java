package com.westbethel.motel.application.notification.port.out;

import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.notification.NotificationPreferences;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/** Guests' notification preferences and languages. */
public interface NotificationPreferenceStore {

    /** The guest's choices; defaults for a guest who made none. */
    NotificationPreferences find(UserId user);

    /** The same, with the guest's choices locked until the transaction ends, so that two changes cannot undo each other. */
    NotificationPreferences findForUpdate(UserId user);

    /**
     * Records the guest's choices, with when and how they were made (consent evidence for GDPR).
     *
     * @param source {@code account} for a change made while logged in, {@code unsubscribe-link} for one click from an email
     */
    void save(UserId user, NotificationPreferences preferences, String source, Instant at);

    /** The guest's language; empty when there is no such guest. */
    Optional<Locale> locale(UserId user);

    void saveLocale(UserId user, Locale locale);
}
