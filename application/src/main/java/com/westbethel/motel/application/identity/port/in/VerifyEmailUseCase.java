package com.westbethel.motel.application.identity.port.in;

import com.westbethel.motel.domain.shared.EmailAddress;
import java.util.Optional;

/** A guest proves the email address is theirs with the token from the verification email. */
public interface VerifyEmailUseCase {

    /**
     * The address the token proved, or empty when the token is unknown, used or expired. Proving the address claims no
     * booking made without an account: that takes a login as well ({@link ClaimGuestBookingsUseCase}).
     */
    Optional<EmailAddress> verifyEmail(String token);

    /**
     * Sends a new verification email if the address belongs to an unverified account. Answers the
     * same way whatever the address, so that it reveals nothing about who has an account.
     */
    void resendVerification(String email);
}
