package com.westbethel.motel.domain.inventory;

import com.westbethel.motel.domain.shared.Money;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Objects;
import java.util.UUID;

/**
 * Prices for one room type over a season: a weekday and a weekend rate per night (Friday and
 * Saturday nights are the weekend), and a minimum stay for stays that include its nights.
 *
 * @param validFrom the first night it prices
 * @param validUntil the first night it no longer prices (exclusive)
 */
public record RatePlan(UUID id, RoomTypeId roomType, String name, LocalDate validFrom, LocalDate validUntil, Money weekdayRate,
        Money weekendRate, int minimumStay) {

    public RatePlan {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(roomType, "roomType");
        if (!validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("a rate plan covers at least one night");
        }
        if (weekdayRate.isNegative() || weekdayRate.isZero() || weekendRate.isNegative() || weekendRate.isZero()) {
            throw new IllegalArgumentException("a night costs something");
        }
        if (minimumStay < 1) {
            throw new IllegalArgumentException("the minimum stay is at least one night");
        }
    }

    public boolean covers(LocalDate night) {
        return !night.isBefore(validFrom) && night.isBefore(validUntil);
    }

    public Money rateFor(LocalDate night) {
        DayOfWeek day = night.getDayOfWeek();
        return day == DayOfWeek.FRIDAY || day == DayOfWeek.SATURDAY ? weekendRate : weekdayRate;
    }
}
