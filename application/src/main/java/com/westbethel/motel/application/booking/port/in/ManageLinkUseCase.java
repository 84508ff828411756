package com.westbethel.motel.application.booking.port.in;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The signed link that lets a guest manage one booking without an account (see it, pay, cancel, get its calendar
 * entry): the confirmation email and page carry it. It stays valid until the day after check-out, at the motel.
 */
public interface ManageLinkUseCase {

    /** A link to a booking the caller owns (its account, or the holder of it): the guest's own credential, never issued to staff. */
    Outcome<ManageLink> issue(Actor actor, UUID bookingId);

    /** The holder of the link's booking, when the token is genuine, unexpired and its booking exists; empty otherwise. */
    Optional<Actor> open(String token);

    /** @param url {@code <public url>/manage/<token>} */
    record ManageLink(String token, String url, Instant expiresAt) {

        public ManageLink {
            Objects.requireNonNull(token, "token");
            Objects.requireNonNull(url, "url");
            Objects.requireNonNull(expiresAt, "expiresAt");
        }

        /** The token opens the booking: as secret as a password-reset link, never in a log line. */
        @Override
        public String toString() {
            return "ManageLink[token redacted, expires " + expiresAt + "]";
        }
    }
}
