package com.westbethel.motel.application.identity.port.in;

import com.westbethel.motel.domain.shared.EmailAddress;
import java.util.Objects;

/**
 * A guest opens an account; a verification email goes out in the same transaction. An address that already has
 * an account gets an email telling its owner of the attempt instead.
 */
public interface RegisterGuestUseCase {

    RegistrationResult register(RegisterGuestCommand command);

    record RegisterGuestCommand(EmailAddress email, String password, String firstName, String lastName) {

        public static final int MAX_NAME_LENGTH = 100;

        public RegisterGuestCommand {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(password, "password");
            firstName = requireName(firstName, "firstName");
            lastName = requireName(lastName, "lastName");
        }

        private static String requireName(String name, String field) {
            if (name == null || name.isBlank() || name.strip().length() > MAX_NAME_LENGTH) {
                throw new IllegalArgumentException(field + " must be 1 to " + MAX_NAME_LENGTH + " characters");
            }
            return name.strip();
        }

        @Override
        public String toString() {
            return "RegisterGuestCommand[email=" + email + ", password=redacted]";
        }
    }

    sealed interface RegistrationResult {

        record Registered(UserView user) implements RegistrationResult {
        }

        /**
         * The address already has an account: its owner was emailed instead. Callers answer exactly as for
         * {@link Registered}, so that sign-up does not reveal which addresses have accounts.
         */
        record EmailTaken() implements RegistrationResult {
        }

        record PasswordRefused(String reason, String advice) implements RegistrationResult {
        }
    }
}
