package com.westbethel.motel.application.notification.event;

import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.util.Objects;

/** The guest an event is for. */
public record Recipient(UserId user, EmailAddress email, String firstName) {

    public Recipient {
        Objects.requireNonNull(user, "user");
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(firstName, "firstName");
    }

    public static Recipient of(User user) {
        return new Recipient(user.id(), user.email(), user.firstName());
    }
}
