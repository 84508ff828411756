package com.westbethel.motel.application.booking.port.out;

import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.util.Optional;

/** Promotion codes and their uses. */
public interface Promotions {

    Optional<Promotion> byCode(String code);

    /**
     * Takes one use of the code for the guest, atomically: the code's usage limit and its per-guest limit
     * hold however many bookings redeem it at once (each use is counted where it is stored, never from a
     * count read earlier). A use stays taken while the booking that took it holds its room; it is given
     * back when that booking is cancelled, expires unpaid or ends as a no-show.
     *
     * @param guest       whose row takes the use
     * @param alsoKnownAs the same person under the other key, whose uses count towards the per-guest limit too: an
     *                    account's own email address, or the account that has the address a guest books under
     */
    Redemption redeem(Promotion promotion, PromotionGuest guest, Optional<PromotionGuest> alsoKnownAs);

    /** Gives back a use taken in this transaction that no booking kept (the room type was sold out). */
    void release(Promotion promotion, PromotionGuest guest);

    /**
     * Whose row keeps a use of a code: an account's, or, for a guest without one, an email address's. The per-guest limit
     * counts an account's row with its address's ({@link #redeem}). A guest who books without an account and later claims
     * the booking takes the use along to the account, unless the account has reached the limit already ({@link BookingClaims}).
     */
    sealed interface PromotionGuest {

        record Account(UserId account) implements PromotionGuest {
        }

        record Email(EmailAddress email) implements PromotionGuest {
        }
    }

    enum Redemption { REDEEMED, USED_UP, ALREADY_USED_BY_GUEST }
}
