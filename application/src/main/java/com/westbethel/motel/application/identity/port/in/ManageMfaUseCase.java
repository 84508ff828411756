package com.westbethel.motel.application.identity.port.in;

import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** A user turns two-factor login on (authenticator app), off, or renews the backup codes. */
public interface ManageMfaUseCase {

    /** Whether two-factor login is on for the caller, and how many backup codes are left (for the account pages). */
    MfaStatus status(AccessTokenClaims caller);

    /** Needs the current password, so that a stolen access token alone cannot enrol another authenticator. */
    SetupResult setUp(AccessTokenClaims caller, String currentPassword);

    /** Turns two-factor login on with a first code; the user is alerted by email. */
    ConfirmResult confirm(AccessTokenClaims caller, String code);

    /** Needs a current code (or backup code) or the password; a wrong one counts towards the re-authentication lock. */
    DisableResult disable(AccessTokenClaims caller, Optional<String> code, Optional<String> password);

    /** Needs a current code; the old backup codes stop working, and the user is alerted by email. Empty when refused. */
    Optional<List<String>> regenerateBackupCodes(AccessTokenClaims caller, String code);

    /** @param backupCodesLeft unused backup codes (0 while two-factor login is off) */
    record MfaStatus(boolean enabled, int backupCodesLeft) {
    }

    sealed interface SetupResult {

        record Started(String secret, String otpauthUri) implements SetupResult {

            @Override
            public String toString() {
                return "Started[redacted]";
            }
        }

        record AlreadyEnabled() implements SetupResult {
        }

        /** The password given is not the account's; the failure counts towards a lock. */
        record WrongPassword() implements SetupResult {
        }

        /** Too many wrong passwords or codes (re-authentication, shared with changing the password): refused for a while. */
        record LockedOut(Duration retryAfter) implements SetupResult {
        }
    }

    sealed interface DisableResult {

        record Disabled() implements DisableResult {
        }

        /** Two-factor login is off already, or neither the code nor the password was right. */
        record Refused() implements DisableResult {
        }

        /** Too many wrong passwords or codes: refused for a while. */
        record LockedOut(Duration retryAfter) implements DisableResult {
        }
    }

    sealed interface ConfirmResult {

        /** The backup codes are shown this once and never again. */
        record Enabled(List<String> backupCodes) implements ConfirmResult {

            @Override
            public String toString() {
                return "Enabled[" + backupCodes.size() + " backup codes, redacted]";
            }
        }

        record NotStarted() implements ConfirmResult {
        }

        record InvalidCode() implements ConfirmResult {
        }
    }
}
