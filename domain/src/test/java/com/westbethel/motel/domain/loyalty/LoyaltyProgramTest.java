package com.westbethel.motel.domain.loyalty;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.domain.shared.Money;
import org.junit.jupiter.api.Test;

class LoyaltyProgramTest {

    @Test
    void ten_points_per_whole_dollar_paid() {
        assertThat(LoyaltyProgram.pointsFor(Money.of("258.99", "USD"))).isEqualTo(2580);
        assertThat(LoyaltyProgram.pointsFor(Money.of("0.99", "USD"))).isZero();
    }

    @Test
    void tiers_follow_points_earned() {
        assertThat(LoyaltyProgram.tierFor(999)).isEqualTo(LoyaltyProgram.Tier.BRONZE);
        assertThat(LoyaltyProgram.tierFor(1_000)).isEqualTo(LoyaltyProgram.Tier.SILVER);
        assertThat(LoyaltyProgram.tierFor(5_000)).isEqualTo(LoyaltyProgram.Tier.GOLD);
    }
}
