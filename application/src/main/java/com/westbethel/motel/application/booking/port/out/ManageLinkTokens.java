package com.westbethel.motel.application.booking.port.out;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * Signs and checks the tokens of booking manage links, so that a link opens its one booking without an account and
 * cannot be altered to open another, or to outlive its expiry.
 */
public interface ManageLinkTokens {

    String sign(Claim claim);

    /** The token's booking and expiry when the signature holds; empty when malformed or tampered with (expiry is not checked). */
    Optional<Claim> verify(String token);

    record Claim(UUID booking, Instant expiresAt) {

        public Claim {
            Objects.requireNonNull(booking, "booking");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }
    }
}
