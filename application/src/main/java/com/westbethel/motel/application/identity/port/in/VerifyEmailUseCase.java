package com.westbethel.motel.application.identity.port.in;

/** A guest proves the email address is theirs with the token from the verification email. */
public interface VerifyEmailUseCase {

    /** False when the token is unknown, used or expired. */
    boolean verifyEmail(String token);

    /**
     * Sends a new verification email if the address belongs to an unverified account. Answers the
     * same way whatever the address, so that it reveals nothing about who has an account.
     */
    void resendVerification(String email);
}
