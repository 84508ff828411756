package com.westbethel.motel.domain.booking;

import com.westbethel.motel.domain.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

/**
 * The price of a stay in one room type: each night's rate, the discount a promotion gives, the total,
 * and the minimum stay the season's rate plans ask for.
 */
public record StayQuote(List<NightlyRate> nights, Money subtotal, Money discount, Money total, int minimumStay) {

    public StayQuote {
        nights = List.copyOf(nights);
    }

    public Money firstNight() {
        return nights.get(0).rate();
    }

    /** What the first night cost after the promotion: its share of the discounted total, rounded half-even. */
    public Money firstNightPaid() {
        if (subtotal.isZero()) {
            return total;
        }
        BigDecimal share = firstNight().amount().multiply(total.amount())
                .divide(subtotal.amount(), total.currency().getDefaultFractionDigits(), RoundingMode.HALF_EVEN);
        return new Money(share, total.currency());
    }

    public StayQuote withDiscount(Money discount) {
        Money capped = discount.compareTo(subtotal) > 0 ? subtotal : discount;
        return new StayQuote(nights, subtotal, capped, subtotal.minus(capped), minimumStay);
    }
}
