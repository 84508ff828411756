package com.westbethel.motel.domain.booking;

import com.westbethel.motel.domain.shared.Money;
import com.westbethel.motel.domain.stay.Stay;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A promotion code: a percentage or a fixed amount off a stay that checks in within its window and
 * is long enough, up to a number of uses in all and per guest.
 *
 * @param validUntil the first check-in date it no longer applies to (exclusive)
 * @param usageLimit uses in all, empty for unlimited
 */
public record Promotion(UUID id, String code, Kind kind, BigDecimal value, LocalDate validFrom, LocalDate validUntil,
        Optional<Integer> usageLimit, int perGuestLimit, int minimumNights) {

    public enum Kind { PERCENT, FIXED }

    public Promotion {
        Objects.requireNonNull(id, "id");
        code = normalise(code);
        if (value.signum() <= 0 || (kind == Kind.PERCENT && value.compareTo(BigDecimal.valueOf(100)) > 0)) {
            throw new IllegalArgumentException("a promotion takes off more than nothing and at most 100%");
        }
        if (!validUntil.isAfter(validFrom)) {
            throw new IllegalArgumentException("a promotion is valid for at least one day");
        }
        if (perGuestLimit < 1 || minimumNights < 1) {
            throw new IllegalArgumentException("per-guest limit and minimum nights are at least one");
        }
    }

    public static String normalise(String code) {
        return code.strip().toUpperCase(Locale.ROOT);
    }

    /**
     * The discount for this stay, or why it does not apply. The usage limits are not judged here: uses are
     * counted atomically where they are stored (see {@code Promotions.redeem}), never from a count read earlier.
     */
    public Verdict apply(Stay stay, Money subtotal) {
        if (stay.checkIn().isBefore(validFrom) || !stay.checkIn().isBefore(validUntil)) {
            return new Verdict.Refused("The code %s is for stays checking in from %s to %s.".formatted(code, validFrom, validUntil.minusDays(1)));
        }
        if (stay.nights() < minimumNights) {
            return new Verdict.Refused("The code %s needs a stay of at least %d nights.".formatted(code, minimumNights));
        }
        Money discount = kind == Kind.PERCENT ? subtotal.percent(value) : new Money(value, subtotal.currency());
        return new Verdict.Applied(discount.compareTo(subtotal) > 0 ? subtotal : discount);
    }

    public String usedUp() {
        return "The code %s has been used up.".formatted(code);
    }

    public String alreadyUsedByGuest() {
        return perGuestLimit == 1 ? "You have already used the code %s.".formatted(code)
                : "You have already used the code %s %d times, as often as it allows.".formatted(code, perGuestLimit);
    }

    public sealed interface Verdict {

        record Applied(Money discount) implements Verdict {
        }

        record Refused(String reason) implements Verdict {
        }
    }
}
