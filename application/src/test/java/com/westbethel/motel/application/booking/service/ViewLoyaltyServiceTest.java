package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.JULY_1;
import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static com.westbethel.motel.application.booking.service.BookingFixture.aRoomType;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.ViewLoyaltyUseCase.LoyaltyView;
import com.westbethel.motel.application.booking.port.in.ViewLoyaltyUseCase.Movement;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.loyalty.LoyaltyProgram.Tier;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ViewLoyaltyServiceTest {

    private final BookingFixture motel = new BookingFixture();
    private final Actor anna = motel.guest("Anna");

    @Test
    void a_guest_who_has_not_stayed_yet_is_bronze_with_no_points() {
        // when
        LoyaltyView loyalty = motel.viewLoyalty.loyalty(anna.account().orElseThrow());

        // then
        assertThat(loyalty.points()).isZero();
        assertThat(loyalty.tier()).isEqualTo(Tier.BRONZE);
        assertThat(loyalty.history()).isEmpty();
    }

    @Test
    void points_earned_and_taken_back_show_newest_first_and_the_tier_follows_the_points_kept() {
        // given: $600 of suite (6,000 points, gold) and $50 of bunks (500 points), the suite then cancelled
        RoomType suite = motel.sells(aRoomType().named("Family Suite").sleeping(4).at("300.00"));
        RoomType bunks = motel.sells(aRoomType().named("Bunk Room").sleeping(4).at("50.00"));
        BookingView suiteStay = motel.paid(aBooking().by(anna).of(suite).forStay(JULY_1, 2));
        BookingView bunkStay = motel.paid(aBooking().by(anna).of(bunks).forStay(JULY_1.plusDays(5), 1));
        motel.cancelBooking.cancel(anna, suiteStay.id(), Channel.API);

        // when
        LoyaltyView loyalty = motel.viewLoyalty.loyalty(anna.account().orElseThrow());

        // then
        assertThat(loyalty.points()).isEqualTo(500);
        assertThat(loyalty.lifetimePoints()).isEqualTo(500);
        assertThat(loyalty.tier()).isEqualTo(Tier.BRONZE);
        assertThat(loyalty.history()).extracting(Movement::kind, Movement::points, Movement::bookingId).containsExactly(
                tuple("REVERSED", -6_000L, Optional.of(suiteStay.id())),
                tuple("EARNED", 500L, Optional.of(bunkStay.id())),
                tuple("EARNED", 6_000L, Optional.of(suiteStay.id())));
    }
}
