package com.westbethel.motel.application.identity.port.in;

/** A user who forgot the password sets a new one through a link sent by email. */
public interface ResetPasswordUseCase {

    /** Sends a reset link if the address belongs to an account; silent either way. */
    void requestPasswordReset(String email);

    boolean isResetTokenValid(String token);

    ResetResult resetPassword(String token, String newPassword);

    sealed interface ResetResult {

        record Done() implements ResetResult {
        }

        record InvalidToken() implements ResetResult {
        }

        record PasswordRefused(String reason, String advice) implements ResetResult {
        }
    }
}
