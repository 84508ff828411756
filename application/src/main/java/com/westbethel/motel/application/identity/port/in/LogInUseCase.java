package com.westbethel.motel.application.identity.port.in;

import com.westbethel.motel.domain.identity.Device;
import java.time.Duration;
import java.util.Objects;

/** A user logs in with email and password and gets a token pair bound to a new session. */
public interface LogInUseCase {

    LoginResult logIn(LogInCommand command);

    record LogInCommand(String email, String password, Device device) {

        public LogInCommand {
            Objects.requireNonNull(email, "email");
            Objects.requireNonNull(password, "password");
            Objects.requireNonNull(device, "device");
        }

        @Override
        public String toString() {
            return "LogInCommand[email=" + email + ", password=redacted]";
        }
    }

    sealed interface LoginResult {

        record LoggedIn(TokenPair tokens) implements LoginResult {
        }

        /** Wrong email or password, told apart from nothing else so that accounts cannot be probed. */
        record BadCredentials() implements LoginResult {
        }

        /** The password was right but the email address is not verified yet. */
        record EmailNotVerified() implements LoginResult {
        }

        /** The password was right but an admin disabled the account. */
        record AccountDisabled() implements LoginResult {
        }

        /** The password was right; a code from the authenticator must follow, with this token. */
        record MfaRequired(String mfaToken) implements LoginResult {

            @Override
            public String toString() {
                return "MfaRequired[redacted]";
            }
        }

        /** The second step's token is unknown, used or expired: start again with the password. */
        record InvalidMfaChallenge() implements LoginResult {
        }

        /** The second step's code is wrong or was used already. */
        record InvalidMfaCode() implements LoginResult {
        }

        /** Too many failures from this address: no password is checked until the lock ends. */
        record LockedOut(Duration retryAfter) implements LoginResult {
        }
    }
}
