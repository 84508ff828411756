package com.westbethel.motel.application.booking.port.out;

import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.identity.UserId;
import java.util.Optional;

/** Promotion codes and their uses. */
public interface Promotions {

    Optional<Promotion> byCode(String code);

    /**
     * Takes one use of the code for the guest, atomically: the code's usage limit and its per-guest limit
     * hold however many bookings redeem it at once (each use is counted where it is stored, never from a
     * count read earlier). A use stays taken while the booking that took it holds its room; it is given
     * back when that booking is cancelled, expires unpaid or ends as a no-show.
     */
    Redemption redeem(Promotion promotion, UserId guest);

    /** Gives back a use taken in this transaction that no booking kept (the room type was sold out). */
    void release(Promotion promotion, UserId guest);

    enum Redemption { REDEEMED, USED_UP, ALREADY_USED_BY_GUEST }
}
