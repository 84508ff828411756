package com.westbethel.motel.application.notification.event;

import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The guest an event is for.
 *
 * @param user the guest's account; empty for a guest who booked without one, who has no preferences and gets only the
 *     booking's own emails
 */
public record Recipient(Optional<UserId> user, EmailAddress email, String firstName) {

    public Recipient {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(firstName, "firstName");
    }

    public Recipient(UserId user, EmailAddress email, String firstName) {
        this(Optional.of(user), email, firstName);
    }

    public static Recipient of(User user) {
        return new Recipient(user.id(), user.email(), user.firstName());
    }

    /** A guest who booked without an account, reached at the address on the booking. */
    public static Recipient withoutAccount(EmailAddress email, String firstName) {
        return new Recipient(Optional.empty(), email, firstName);
    }
}
