package com.westbethel.motel.application.booking.port.out;

import com.westbethel.motel.application.booking.port.in.ViewLoyaltyUseCase.Movement;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.identity.UserId;
import java.time.Instant;
import java.util.List;

/** Points balances and the movements behind them. */
public interface LoyaltyLedger {

    void earn(UserId guest, BookingId booking, long points, Instant at);

    /** Takes back what the booking earned; returns the points taken back (zero if none were earned). */
    long reverse(UserId guest, BookingId booking, Instant at);

    Balance balance(UserId guest);

    List<Movement> history(UserId guest, int limit);

    record Balance(long points, long lifetimePoints) {
    }
}
