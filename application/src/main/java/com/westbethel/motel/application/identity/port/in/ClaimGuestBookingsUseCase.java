package com.westbethel.motel.application.identity.port.in;

import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.shared.EmailAddress;

/**
 * An account holder brings the bookings made without an account under their address into the account (issue 11). It takes
 * two proofs held by one party: the caller is logged in as {@code account} (the front end checks that), and has just
 * proven {@code provenMailbox} (the verification link, or a booking's manage link, opened in the same web session). The
 * verification link alone is not enough: whoever registers an address chooses the password, so an attacker could register
 * the victim's address and wait for the victim to click.
 */
public interface ClaimGuestBookingsUseCase {

    ClaimResult claim(UserId account, EmailAddress provenMailbox);

    sealed interface ClaimResult {

        /** The account's own verified address: its bookings without an account are the account's now (maybe none). */
        record Claimed(int bookings) implements ClaimResult {
        }

        /** The account's address is another one, or not verified yet: nothing moved. */
        record NotTheAccountsAddress() implements ClaimResult {
        }
    }
}
