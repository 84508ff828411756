package com.westbethel.motel.application.identity.port.out;

import com.westbethel.motel.domain.identity.UserId;
import java.time.Instant;
import java.util.Optional;

/** Single-use tokens sent by email (verification, password reset), stored as hashes. */
public interface OneTimeTokens {

    enum Purpose { EMAIL_VERIFICATION, PASSWORD_RESET, MFA_LOGIN }

    void save(String tokenHash, Purpose purpose, UserId user, Instant expiresAt);

    /** The user of a token that is unused and unexpired at {@code now}, without using it. */
    Optional<UserId> peek(String tokenHash, Purpose purpose, Instant now);

    /** Uses the token, once: the user when it was unused and unexpired, empty otherwise. */
    Optional<UserId> consume(String tokenHash, Purpose purpose, Instant now);

    /** Every outstanding token of this purpose for the user stops working (a newer one was sent). */
    void invalidateAll(UserId user, Purpose purpose, Instant now);
}
