package com.westbethel.motel.domain.reporting;

import com.westbethel.motel.domain.booking.NightlyRate;
import com.westbethel.motel.domain.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;

/**
 * What each night of a booking earned: its quoted rate less its share of the booking's discount. The discount is shared
 * pro rata to the rates, to the cent, and the shares add up to the discount exactly: each night takes the rounded
 * cumulative share up to and including it less the rounded cumulative share before it (half-even rounding). So a
 * 10.00 discount over 100, 100 and 120 is 3.12, 3.13 and 3.75, and a report over any part of a stay never gains or loses a
 * cent against the booking's total.
 */
public final class NightRevenue {

    private NightRevenue() {
    }

    public static List<NightlyRate> net(List<NightlyRate> nights, Money discount) {
        if (discount.isNegative()) {
            throw new IllegalArgumentException("A discount is not negative: " + discount);
        }
        Money subtotal = Money.zero(discount.currency());
        for (NightlyRate night : nights) {
            subtotal = subtotal.plus(night.rate());
        }
        if (discount.compareTo(subtotal) > 0) {
            throw new IllegalArgumentException("A discount of %s exceeds the nights' %s".formatted(discount, subtotal));
        }
        if (discount.isZero()) {
            return List.copyOf(nights);
        }
        int scale = discount.currency().getDefaultFractionDigits();
        List<NightlyRate> net = new ArrayList<>(nights.size());
        BigDecimal cumulativeRates = BigDecimal.ZERO;
        BigDecimal sharedSoFar = BigDecimal.ZERO.setScale(scale);
        for (NightlyRate night : nights) {
            cumulativeRates = cumulativeRates.add(night.rate().amount());
            BigDecimal sharedUpToHere = discount.amount().multiply(cumulativeRates)
                    .divide(subtotal.amount(), scale, RoundingMode.HALF_EVEN);
            BigDecimal share = sharedUpToHere.subtract(sharedSoFar);
            sharedSoFar = sharedUpToHere;
            net.add(new NightlyRate(night.night(), night.rate().minus(new Money(share, discount.currency()))));
        }
        return net;
    }
}
