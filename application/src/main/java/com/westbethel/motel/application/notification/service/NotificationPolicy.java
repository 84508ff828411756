package com.westbethel.motel.application.notification.service;

import com.westbethel.motel.application.notification.event.Recipient;
import com.westbethel.motel.application.notification.port.out.NotificationPreferenceStore;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.notification.NotificationChannel;
import com.westbethel.motel.domain.notification.NotificationType;
import com.westbethel.motel.domain.notification.UnsubscribeToken;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Who gets which email. The guest gets every essential email (account, security and booking mail) and any other kind
 * unless they turned its email off, in their language, with a signed link to turn that kind off. The front desk, when the
 * motel names addresses for it, gets booking mail too, in English, each copy an email of its own rather than a blind
 * copy: an address the relay refuses then costs the front desk its copy, never the guest their confirmation. The copy
 * leaves out the guest's secrets (see {@link Addressee}).
 */
record NotificationPolicy(NotificationPreferenceStore preferences, List<EmailAddress> frontDesk) {

    /** What a guest without an account is sent: the transactional mail of the booking they made. */
    private static final Set<NotificationType> WITHOUT_ACCOUNT = EnumSet.of(NotificationType.BOOKINGS, NotificationType.PAYMENT_RECEIPTS);

    NotificationPolicy {
        frontDesk = List.copyOf(frontDesk);
    }

    /**
     * One email's address and language, the kind of mail its link turns off, if it may carry one, and whether it is the
     * front desk's copy: that one never carries what is the guest's alone (the link that manages the booking without a
     * password, any sealed value), so a front-desk mailbox, often shared, holds no key to a guest's booking.
     */
    record Addressee(EmailAddress address, Locale locale, Optional<UnsubscribeToken> unsubscribe, boolean frontDeskCopy) {

        Addressee {
            Objects.requireNonNull(address, "address");
            Objects.requireNonNull(locale, "locale");
            Objects.requireNonNull(unsubscribe, "unsubscribe");
        }

        /** The guest's own email. */
        Addressee(EmailAddress address, Locale locale, Optional<UnsubscribeToken> unsubscribe) {
            this(address, locale, unsubscribe, false);
        }

        static Addressee frontDesk(EmailAddress address) {
            return new Addressee(address, Locale.ENGLISH, Optional.empty(), true);
        }
    }

    /**
     * Where an email of this type about this guest goes; nowhere, when the guest turned its kind off. A guest who booked
     * without an account has no preferences to keep: they get the mail about their booking and its payment (in English,
     * without an unsubscribe link, since there is nothing to unsubscribe from) and nothing else.
     */
    List<Addressee> addressees(Recipient guest, NotificationType type) {
        List<Addressee> addressees = new ArrayList<>();
        if (guest.user().isEmpty()) {
            if (WITHOUT_ACCOUNT.contains(type)) {
                addressees.add(new Addressee(guest.email(), Locale.ENGLISH, Optional.empty()));
            }
        } else if (type.essential() || preferences.find(guest.user().get()).allows(type, NotificationChannel.EMAIL)) {
            UserId user = guest.user().get();
            Optional<UnsubscribeToken> unsubscribe = type.essential() ? Optional.empty() : Optional.of(new UnsubscribeToken(user.value(), type));
            addressees.add(new Addressee(guest.email(), preferences.locale(user).orElse(Locale.ENGLISH), unsubscribe));
        }
        if (type == NotificationType.BOOKINGS) {
            frontDesk.forEach(address -> addressees.add(Addressee.frontDesk(address)));
        }
        return addressees;
    }
}
