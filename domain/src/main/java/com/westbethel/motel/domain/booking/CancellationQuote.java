package com.westbethel.motel.domain.booking;

import com.westbethel.motel.domain.shared.Money;
import java.time.Instant;
import java.util.Objects;

/**
 * What cancelling a booking at a given moment would give back under the property's policy, worked out without
 * cancelling anything: shown to the guest before they confirm, and what {@link Booking#cancel} then refunds.
 *
 * @param paid what the guest paid (zero for an unpaid hold)
 * @param refund what goes back to the guest
 * @param kept what the motel keeps ({@code paid - refund})
 * @param free whether the cancellation costs nothing (inside the free window, or nothing paid yet)
 * @param freeUntil the free-cancellation deadline: the property's hours before check-in time on the check-in day
 */
public record CancellationQuote(Money paid, Money refund, Money kept, boolean free, Instant freeUntil) {

    public CancellationQuote {
        Objects.requireNonNull(paid, "paid");
        Objects.requireNonNull(refund, "refund");
        Objects.requireNonNull(kept, "kept");
        Objects.requireNonNull(freeUntil, "freeUntil");
        if (!paid.minus(refund).equals(kept)) {
            throw new IllegalArgumentException("what is kept is what was paid less the refund");
        }
    }
}
