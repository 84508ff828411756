package com.westbethel.motel.domain.booking;

import static com.westbethel.motel.domain.booking.BookingFixture.MONDAY;
import static com.westbethel.motel.domain.booking.BookingFixture.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.domain.stay.Stay;
import java.math.BigDecimal;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class PromotionTest {

    private final Promotion summer15 = new Promotion(UUID.randomUUID(), " summer15 ", Promotion.Kind.PERCENT, new BigDecimal("15"),
            MONDAY, MONDAY.plusDays(30), Optional.of(100), 1, 2);

    @Test
    void a_percentage_comes_off_the_subtotal_and_codes_are_case_insensitive() {
        assertThat(summer15.code()).isEqualTo("SUMMER15");
        assertThat(summer15.apply(Stay.of(MONDAY, 2), usd("258.00"))).isEqualTo(new Promotion.Verdict.Applied(usd("38.70")));
    }

    @Test
    void a_fixed_amount_never_takes_off_more_than_the_stay_costs() {
        Promotion fifty = new Promotion(UUID.randomUUID(), "FIFTY", Promotion.Kind.FIXED, new BigDecimal("50"), MONDAY, MONDAY.plusDays(30),
                Optional.empty(), 3, 1);

        assertThat(fifty.apply(Stay.of(MONDAY, 1), usd("40.00"))).isEqualTo(new Promotion.Verdict.Applied(usd("40.00")));
    }

    @Test
    void each_rule_refuses_with_its_own_reason() {
        assertThat(summer15.apply(Stay.of(MONDAY.minusDays(1), 3), usd("300.00")))
                .isInstanceOf(Promotion.Verdict.Refused.class).asString().contains("checking in from");
        assertThat(summer15.apply(Stay.of(MONDAY, 1), usd("300.00"))).asString().contains("at least 2 nights");
        assertThat(summer15.usedUp()).contains("used up");
        assertThat(summer15.alreadyUsedByGuest()).contains("already used");
    }
}
