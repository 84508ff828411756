package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.BookRoomUseCase.GuestDetails;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.Refusal.FieldError;
import com.westbethel.motel.domain.booking.GuestContact;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Who a new booking names: the guest details given, each field checked (every fault reported at once, so that a form shows
 * each message beside its field), or else the caller's own profile. A caller without an account must give them; the front
 * desk may leave a walk-in's email address out.
 */
final class GuestDetailsCheck {

    /** Digits, spaces and the usual punctuation of a phone number, with at least five digits. */
    private static final Pattern PHONE = Pattern.compile("^\\+?[0-9 ().\\-/]{5,32}$");

    private GuestDetailsCheck() {
    }

    /** @param account the caller's account, when they have one */
    static Outcome<GuestContact> contact(Optional<User> account, Optional<GuestDetails> details) {
        if (details.isPresent()) {
            return checked(details.get(), true);
        }
        if (account.isPresent()) {
            User user = account.get();
            return Outcome.success(GuestContact.of(user.firstName(), user.lastName(), user.email()));
        }
        return Outcome.invalid("guest", "Give the guest's first name, last name and email address, or sign in to book with your account.");
    }

    /**
     * A walk-in's details, typed by the front desk: the names are required, the email address optional (a guest standing at
     * the desk needs no link to manage the booking), but checked when given, since the confirmation goes there.
     */
    static Outcome<GuestContact> atTheDesk(GuestDetails details) {
        return checked(details, false);
    }

    private static Outcome<GuestContact> checked(GuestDetails details, boolean emailRequired) {
        List<FieldError> errors = new ArrayList<>();
        String firstName = name(details.firstName(), "guest.firstName", "first name", errors);
        String lastName = name(details.lastName(), "guest.lastName", "last name", errors);
        String email = details.email() == null ? "" : details.email().strip();
        if (email.isEmpty() && emailRequired) {
            errors.add(new FieldError("guest.email", "Enter an email address: the confirmation and the link to manage the booking go there."));
        } else if (!email.isEmpty() && !EmailAddress.isValid(email)) {
            errors.add(new FieldError("guest.email", "Enter an email address in the right form, like name@example.com."));
        }
        Optional<String> phone = details.phone().map(String::strip).filter(number -> !number.isEmpty());
        if (phone.isPresent() && !PHONE.matcher(phone.get()).matches()) {
            errors.add(new FieldError("guest.phone", "Enter a phone number of digits, spaces and + ( ) - . only, or leave it empty."));
        }
        if (!errors.isEmpty()) {
            return Outcome.refused(Refusal.invalid(errors));
        }
        return Outcome.success(new GuestContact(firstName, lastName, Optional.of(email).filter(given -> !given.isEmpty()).map(EmailAddress::new),
                phone));
    }

    private static String name(String given, String field, String what, List<FieldError> errors) {
        String name = given == null ? "" : given.strip();
        if (name.isEmpty()) {
            errors.add(new FieldError(field, "Enter the guest's " + what + "."));
        } else if (name.length() > GuestContact.MAX_NAME_LENGTH) {
            errors.add(new FieldError(field, "The " + what + " is at most " + GuestContact.MAX_NAME_LENGTH + " characters."));
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            errors.add(new FieldError(field, "The " + what + " may not contain control characters."));
        }
        return name;
    }
}
