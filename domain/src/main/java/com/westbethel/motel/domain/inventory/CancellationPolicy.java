package com.westbethel.motel.domain.inventory;

import com.westbethel.motel.domain.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * Free cancellation until a number of hours before check-in time (in the motel's time zone); later,
 * the first night is kept and the rest refunded.
 */
public record CancellationPolicy(int freeUntilHoursBeforeCheckIn) {

    public CancellationPolicy {
        if (freeUntilHoursBeforeCheckIn < 0) {
            throw new IllegalArgumentException("hours before check-in cannot be negative");
        }
    }

    /** What goes back to the guest of a paid booking cancelled at {@code now}. */
    public Money refund(Money paid, Money firstNight, ZonedDateTime checkInAt, Instant now) {
        if (now.isBefore(freeUntil(checkInAt))) {
            return paid;
        }
        Money refund = paid.minus(firstNight);
        return refund.isNegative() ? Money.zero(paid.currency()) : refund;
    }

    /** The free-cancellation deadline of a stay checking in at {@code checkInAt}: cancelling before it refunds everything. */
    public Instant freeUntil(ZonedDateTime checkInAt) {
        return checkInAt.toInstant().minus(Duration.ofHours(freeUntilHoursBeforeCheckIn));
    }
}
