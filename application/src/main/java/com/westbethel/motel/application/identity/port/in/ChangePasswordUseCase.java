package com.westbethel.motel.application.identity.port.in;

import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import java.time.Duration;

/** A logged-in user changes the password; every other session ends. */
public interface ChangePasswordUseCase {

    ChangeResult changePassword(AccessTokenClaims caller, String currentPassword, String newPassword);

    sealed interface ChangeResult {

        record Changed() implements ChangeResult {
        }

        /** The failure counts towards the user's re-authentication lock, shared with MFA set-up and disabling. */
        record WrongCurrentPassword() implements ChangeResult {
        }

        /** Too many wrong passwords or codes: refused for a while. */
        record LockedOut(Duration retryAfter) implements ChangeResult {
        }

        record PasswordRefused(String reason, String advice) implements ChangeResult {
        }
    }
}
