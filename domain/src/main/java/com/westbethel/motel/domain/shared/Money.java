package com.westbethel.motel.domain.shared;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Objects;

/**
 * An exact amount of one currency, always held at the currency's minor-unit scale
 * (two decimals for USD), so that equal amounts are equal records.
 */
public record Money(BigDecimal amount, Currency currency) implements Comparable<Money> {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Digits before the decimal point an amount may have: far beyond any motel's takings, far below a costly number. */
    static final int MAX_WHOLE_DIGITS = 15;

    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        // Checked before setScale, and the amount never printed: "1e-999999999" or "1e999999999" parse cheaply, but rescaling
        // or printing them would build a number or a string of a billion digits.
        if (amount.signum() != 0 && amount.precision() - amount.scale() > MAX_WHOLE_DIGITS) {
            throw new IllegalArgumentException("Amounts have at most %d digits before the decimal point.".formatted(MAX_WHOLE_DIGITS));
        }
        if (amount.scale() > currency.getDefaultFractionDigits() && amount.stripTrailingZeros().scale() > currency.getDefaultFractionDigits()) {
            throw new IllegalArgumentException("%s amounts have at most %d decimal places."
                    .formatted(currency.getCurrencyCode(), currency.getDefaultFractionDigits()));
        }
        amount = amount.setScale(currency.getDefaultFractionDigits(), RoundingMode.UNNECESSARY);
    }

    public static Money of(String amount, String currencyCode) {
        return new Money(new BigDecimal(amount), Currency.getInstance(currencyCode));
    }

    public static Money zero(Currency currency) {
        return new Money(BigDecimal.ZERO, currency);
    }

    public Money plus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.add(other.amount), currency);
    }

    public Money minus(Money other) {
        requireSameCurrency(other);
        return new Money(amount.subtract(other.amount), currency);
    }

    public Money times(int quantity) {
        return new Money(amount.multiply(BigDecimal.valueOf(quantity)), currency);
    }

    /** The given percentage of this amount, rounded half-even to the minor unit (banker's rounding). */
    public Money percent(BigDecimal percentage) {
        BigDecimal exact = amount.multiply(percentage).divide(HUNDRED);
        return new Money(exact.setScale(currency.getDefaultFractionDigits(), RoundingMode.HALF_EVEN), currency);
    }

    public boolean isNegative() {
        return amount.signum() < 0;
    }

    public boolean isZero() {
        return amount.signum() == 0;
    }

    @Override
    public int compareTo(Money other) {
        requireSameCurrency(other);
        return amount.compareTo(other.amount);
    }

    private void requireSameCurrency(Money other) {
        if (!currency.equals(other.currency)) {
            throw new IllegalArgumentException("Cannot combine %s with %s"
                    .formatted(other.currency.getCurrencyCode(), currency.getCurrencyCode()));
        }
    }

    @Override
    public String toString() {
        return amount.toPlainString() + " " + currency.getCurrencyCode();
    }
}
