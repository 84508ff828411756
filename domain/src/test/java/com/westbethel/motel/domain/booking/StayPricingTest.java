package com.westbethel.motel.domain.booking;

import static com.westbethel.motel.domain.booking.BookingFixture.MONDAY;
import static com.westbethel.motel.domain.booking.BookingFixture.aQueenRoom;
import static com.westbethel.motel.domain.booking.BookingFixture.summerSeason;
import static com.westbethel.motel.domain.booking.BookingFixture.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.shared.Money;
import com.westbethel.motel.domain.stay.Stay;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class StayPricingTest {

    private final RoomType queen = aQueenRoom();

    @Test
    void without_a_rate_plan_every_night_costs_the_base_rate() {
        StayQuote quote = StayPricing.quote(queen, List.of(), Stay.of(MONDAY, 3));

        assertThat(quote.total()).isEqualTo(usd("297.00"));
        assertThat(quote.minimumStay()).isEqualTo(1);
    }

    @Test
    void friday_and_saturday_nights_take_the_weekend_rate() {
        RatePlan season = summerSeason(queen, MONDAY, MONDAY.plusDays(30), "120.00", "150.00", 1);

        StayQuote week = StayPricing.quote(queen, List.of(season), Stay.of(MONDAY, 7));

        assertThat(week.nights()).extracting(NightlyRate::rate)
                .containsExactly(usd("120.00"), usd("120.00"), usd("120.00"), usd("120.00"), usd("150.00"), usd("150.00"), usd("120.00"));
        assertThat(week.total()).isEqualTo(usd("900.00"));
    }

    @Test
    void a_stay_crossing_a_season_boundary_pays_each_seasons_rate_for_its_own_nights() {
        RatePlan spring = summerSeason(queen, MONDAY.minusDays(30), MONDAY.plusDays(2), "80.00", "80.00", 1);
        RatePlan summer = summerSeason(queen, MONDAY.plusDays(2), MONDAY.plusDays(60), "130.00", "130.00", 3);

        StayQuote quote = StayPricing.quote(queen, List.of(spring, summer), Stay.of(MONDAY, 4));

        assertThat(quote.nights()).extracting(NightlyRate::rate).containsExactly(usd("80.00"), usd("80.00"), usd("130.00"), usd("130.00"));
        assertThat(quote.minimumStay()).as("the summer plan's minimum applies to the stay").isEqualTo(3);
    }

    @Test
    void where_seasons_overlap_the_plan_starting_latest_wins() {
        RatePlan summer = summerSeason(queen, MONDAY.minusDays(10), MONDAY.plusDays(60), "130.00", "130.00", 1);
        RatePlan festival = summerSeason(queen, MONDAY, MONDAY.plusDays(3), "199.00", "199.00", 2);

        StayQuote quote = StayPricing.quote(queen, List.of(summer, festival), Stay.of(MONDAY, 1));

        assertThat(quote.total()).isEqualTo(usd("199.00"));
    }

    @Test
    void another_room_types_plans_do_not_apply() {
        RatePlan otherType = summerSeason(aQueenRoom(), MONDAY, MONDAY.plusDays(10), "10.00", "10.00", 1);

        assertThat(StayPricing.quote(queen, List.of(otherType), Stay.of(MONDAY, 1)).total()).isEqualTo(usd("99.00"));
    }

    @Property
    void the_total_is_the_sum_of_the_nights_and_a_discount_never_exceeds_it(
            @ForAll @IntRange(min = 1, max = 30) int nights, @ForAll @IntRange(min = 0, max = 60) int offset,
            @ForAll @IntRange(min = 1, max = 5000) int discountDollars) {
        RatePlan season = summerSeason(queen, MONDAY.plusDays(10), MONDAY.plusDays(40), "120.00", "155.50", 1);
        StayQuote quote = StayPricing.quote(queen, List.of(season), Stay.of(MONDAY.plusDays(offset), nights));

        Money sum = quote.nights().stream().map(NightlyRate::rate).reduce(usd("0"), Money::plus);
        assertThat(quote.subtotal()).isEqualTo(sum);
        StayQuote discounted = quote.withDiscount(usd(discountDollars + ".00"));
        assertThat(discounted.total().isNegative()).isFalse();
        assertThat(discounted.total().plus(discounted.discount())).isEqualTo(quote.subtotal());
    }
}
