package com.westbethel.motel.domain.booking;

import com.westbethel.motel.domain.shared.EmailAddress;
import java.util.Objects;
import java.util.Optional;

/**
 * The guest named on a booking, who may or may not have an account: the name the front desk greets, the address the
 * booking's emails go to (a walk-in booked by the front desk may have none) and a phone number if one was given.
 */
public record GuestContact(String firstName, String lastName, Optional<EmailAddress> email, Optional<String> phone) {

    public static final int MAX_NAME_LENGTH = 100;
    public static final int MAX_PHONE_LENGTH = 32;

    public GuestContact {
        firstName = Objects.requireNonNull(firstName, "firstName").strip();
        lastName = Objects.requireNonNull(lastName, "lastName").strip();
        Objects.requireNonNull(email, "email");
        phone = Objects.requireNonNull(phone, "phone").map(String::strip).filter(number -> !number.isEmpty());
        if (firstName.length() > MAX_NAME_LENGTH || lastName.length() > MAX_NAME_LENGTH) {
            throw new IllegalArgumentException("a name is at most " + MAX_NAME_LENGTH + " characters");
        }
        if (phone.isPresent() && phone.get().length() > MAX_PHONE_LENGTH) {
            throw new IllegalArgumentException("a phone number is at most " + MAX_PHONE_LENGTH + " characters");
        }
        if (lastName.isEmpty() && email.isEmpty()) {
            throw new IllegalArgumentException("a booking's guest has a last name or an email address");
        }
    }

    public static GuestContact of(String firstName, String lastName, EmailAddress email) {
        return new GuestContact(firstName, lastName, Optional.of(email), Optional.empty());
    }

    /** Contact details are personal data: a log line gets the booking's reference, never them. */
    @Override
    public String toString() {
        return "GuestContact[redacted]";
    }
}
