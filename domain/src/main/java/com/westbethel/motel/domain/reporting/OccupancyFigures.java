package com.westbethel.motel.domain.reporting;

import com.westbethel.motel.domain.shared.Money;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.Optional;

/**
 * The USALI figures of a set of room-nights (a period, one night, one room type).
 *
 * <ul>
 *   <li>occupancy = room-nights sold / room-nights available, a ratio to 4 decimals;</li>
 *   <li>ADR (average daily rate) = room revenue / room-nights sold, to the cent;</li>
 *   <li>RevPAR (revenue per available room) = room revenue / room-nights available, to the cent.</li>
 * </ul>
 *
 * Each is rounded once, half-even, from the exact sums (never from another rounded figure), and is empty when its divisor
 * is zero. Out-of-order room-nights are not in the supply; they are counted apart so that a reader who counts them as
 * available can recompute. Retained fees (what cancelled and no-show bookings kept) are not room revenue: they stay out
 * of ADR and RevPAR.
 */
public record OccupancyFigures(long roomNightsAvailable, long roomNightsSold, long roomNightsOutOfOrder, Money revenue, Money retainedFees) {

    public static final int OCCUPANCY_SCALE = 4;

    public OccupancyFigures {
        if (roomNightsAvailable < 0 || roomNightsSold < 0 || roomNightsOutOfOrder < 0) {
            throw new IllegalArgumentException("Room-nights are not negative");
        }
    }

    public static OccupancyFigures none(Currency currency) {
        return new OccupancyFigures(0, 0, 0, Money.zero(currency), Money.zero(currency));
    }

    public OccupancyFigures plus(OccupancyFigures other) {
        return new OccupancyFigures(roomNightsAvailable + other.roomNightsAvailable, roomNightsSold + other.roomNightsSold,
                roomNightsOutOfOrder + other.roomNightsOutOfOrder, revenue.plus(other.revenue), retainedFees.plus(other.retainedFees));
    }

    public Optional<BigDecimal> occupancy() {
        return roomNightsAvailable == 0 ? Optional.empty()
                : Optional.of(BigDecimal.valueOf(roomNightsSold).divide(BigDecimal.valueOf(roomNightsAvailable), OCCUPANCY_SCALE, RoundingMode.HALF_EVEN));
    }

    public Optional<Money> adr() {
        return per(roomNightsSold);
    }

    public Optional<Money> revpar() {
        return per(roomNightsAvailable);
    }

    private Optional<Money> per(long roomNights) {
        if (roomNights == 0) {
            return Optional.empty();
        }
        int scale = revenue.currency().getDefaultFractionDigits();
        return Optional.of(new Money(revenue.amount().divide(BigDecimal.valueOf(roomNights), scale, RoundingMode.HALF_EVEN), revenue.currency()));
    }
}
