package com.westbethel.motel.application.identity.port.in;

import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;

/** A logged-in user changes the password; every other session ends. */
public interface ChangePasswordUseCase {

    ChangeResult changePassword(AccessTokenClaims caller, String currentPassword, String newPassword);

    sealed interface ChangeResult {

        record Changed() implements ChangeResult {
        }

        record WrongCurrentPassword() implements ChangeResult {
        }

        record PasswordRefused(String reason, String advice) implements ChangeResult {
        }
    }
}
