package com.westbethel.motel.domain.loyalty;

import com.westbethel.motel.domain.shared.Money;
import java.math.RoundingMode;

/**
 * Ten points per whole unit of currency paid; tiers by points earned to date: Bronze from 0,
 * Silver from 1,000, Gold from 5,000. Points of a cancelled stay are taken back.
 */
public final class LoyaltyProgram {

    public static final int POINTS_PER_UNIT = 10;

    public enum Tier { BRONZE, SILVER, GOLD }

    private LoyaltyProgram() {
    }

    public static long pointsFor(Money paid) {
        return paid.isNegative() ? 0 : paid.amount().setScale(0, RoundingMode.DOWN).longValueExact() * POINTS_PER_UNIT;
    }

    public static Tier tierFor(long points) {
        if (points >= 5_000) {
            return Tier.GOLD;
        }
        return points >= 1_000 ? Tier.SILVER : Tier.BRONZE;
    }
}
