package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.JULY_1;
import static com.westbethel.motel.application.booking.service.BookingFixture.TODAY;
import static com.westbethel.motel.application.booking.service.BookingFixture.aPromotion;
import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static com.westbethel.motel.application.booking.service.BookingFixture.aRatePlan;
import static com.westbethel.motel.application.booking.service.BookingFixture.aRoomType;
import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static com.westbethel.motel.application.booking.service.BookingFixture.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.SearchAvailabilityUseCase.CancellationTerms;
import com.westbethel.motel.application.booking.port.in.SearchAvailabilityUseCase.Availability;
import com.westbethel.motel.application.booking.port.in.SearchAvailabilityUseCase.RoomTypeOffer;
import com.westbethel.motel.application.booking.service.InMemoryBooking.InMemoryInventory;
import com.westbethel.motel.application.booking.service.InMemoryBooking.InMemoryPromotions;
import com.westbethel.motel.domain.booking.NightlyRate;
import com.westbethel.motel.domain.inventory.RoomType;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SearchAvailabilityServiceTest {

    private final BookingFixture motel = BookingFixture.withQueenRooms(2);

    @Test
    void a_search_offers_the_room_types_that_sleep_the_party_cheapest_stay_first() {
        // given
        RoomType bunks = motel.sells(aRoomType().named("Bunk Room").sleeping(4).at("60.00"));
        RoomType suite = motel.sells(aRoomType().named("Family Suite").sleeping(4).at("180.00"));
        motel.prices(aRatePlan().forType(motel.queen).weekdaysAt("400.00").weekendsAt("400.00"));

        // when
        Availability forOne = succeeded(motel.searchAvailability.search(JULY_1.plusDays(3), JULY_1.plusDays(5), 1));
        Availability forThree = succeeded(motel.searchAvailability.search(JULY_1.plusDays(3), JULY_1.plusDays(5), 3));

        // then
        assertThat(forOne.nights()).isEqualTo(2);
        assertThat(forOne.roomTypes()).extracting(RoomTypeOffer::name).as("by the stay's price, not the base rate")
                .containsExactly(bunks.name(), suite.name(), motel.queen.name());
        assertThat(forOne.roomTypes()).extracting(RoomTypeOffer::total).containsExactly(usd("120.00"), usd("360.00"), usd("800.00"));
        assertThat(forThree.roomTypes()).extracting(RoomTypeOffer::name).as("the queen sleeps two").containsExactly(bunks.name(), suite.name());
    }

    @Test
    void a_stay_is_priced_night_by_night_with_the_weekend_rate_for_friday_and_saturday() {
        // given
        motel.prices(aRatePlan().forType(motel.queen).weekdaysAt("120.00").weekendsAt("150.00"));

        // when
        Availability thursdayToSunday = succeeded(motel.searchAvailability.search(JULY_1, JULY_1.plusDays(3), 2));

        // then
        assertThat(thursdayToSunday.roomTypes()).singleElement().satisfies(offer -> {
            assertThat(offer.total()).isEqualTo(usd("420.00"));
            assertThat(offer.availableRooms()).isEqualTo(2);
        });
    }

    @Test
    void rooms_held_for_any_night_of_the_stay_are_not_counted_as_free() {
        // given
        motel.held(aBooking().by(motel.guest("Anna")).forStay(JULY_1.plusDays(1), 1));

        // when
        Availability overlapping = succeeded(motel.searchAvailability.search(JULY_1, JULY_1.plusDays(3), 1));
        Availability checkingInAsShesLeaving = succeeded(motel.searchAvailability.search(JULY_1.plusDays(2), JULY_1.plusDays(4), 1));

        // then
        assertThat(overlapping.roomTypes()).singleElement().extracting(RoomTypeOffer::availableRooms).isEqualTo(1);
        assertThat(checkingInAsShesLeaving.roomTypes()).singleElement().extracting(RoomTypeOffer::availableRooms).isEqualTo(2);
    }

    @Test
    void a_season_asking_for_a_longer_stay_shows_no_free_rooms_and_says_how_many_nights_it_needs() {
        // given
        motel.prices(aRatePlan().forType(motel.queen).minimumStay(3));

        // when
        Availability twoNights = succeeded(motel.searchAvailability.search(JULY_1, JULY_1.plusDays(2), 1));
        Availability threeNights = succeeded(motel.searchAvailability.search(JULY_1, JULY_1.plusDays(3), 1));

        // then
        assertThat(twoNights.roomTypes()).singleElement().satisfies(offer -> {
            assertThat(offer.availableRooms()).isZero();
            assertThat(offer.minimumStay()).isEqualTo(3);
        });
        assertThat(threeNights.roomTypes()).singleElement().extracting(RoomTypeOffer::availableRooms).isEqualTo(2);
    }

    @Test
    void an_offer_describes_its_room_type_and_prices_every_night_with_the_cancellation_deadline_in_motel_time() {
        // given
        RoomType loft = motel.sells(aRoomType().named("Loft").sleeping(3).at("140.00").described("Under the roof.", "Skylight", "Kettle"));
        motel.prices(aRatePlan().forType(loft).weekdaysAt("150.00").weekendsAt("190.00"));

        // when
        Availability thursdayToSunday = succeeded(motel.searchAvailability.search(JULY_1, JULY_1.plusDays(3), 3));

        // then
        assertThat(thursdayToSunday.roomTypes()).singleElement().satisfies(offer -> {
            assertThat(offer.description()).isEqualTo("Under the roof.");
            assertThat(offer.amenities()).containsExactly("Skylight", "Kettle");
            assertThat(offer.nightlyRates()).extracting(NightlyRate::rate).containsExactly(usd("150.00"), usd("190.00"), usd("190.00"));
            assertThat(offer.total()).isEqualTo(usd("530.00"));
            assertThat(offer.keptWhenCancelledLate()).isEqualTo(usd("150.00"));
        });
        CancellationTerms terms = thursdayToSunday.cancellation();
        assertThat(terms.hoursBeforeCheckIn()).isEqualTo(48);
        assertThat(terms.freeUntil()).as("48 hours before 15:00 on 1 July, at the motel")
                .isEqualTo(ZonedDateTime.of(2027, 6, 29, 15, 0, 0, 0, ZoneId.of("America/New_York")));
        assertThat(terms.freeNow()).isTrue();
        assertThat(succeeded(motel.searchAvailability.search(TODAY.plusDays(1), TODAY.plusDays(2), 1)).cancellation().freeNow())
                .as("tomorrow's check-in is inside 48 hours").isFalse();
    }

    @Test
    void a_promotion_code_discounts_each_offer_by_what_the_booking_then_charges() {
        // given
        motel.offers(aPromotion().code("SUMMER10").percentOff(10));
        motel.prices(aRatePlan().forType(motel.queen).weekdaysAt("120.00").weekendsAt("150.00"));

        // when
        Availability searched = succeeded(motel.searchAvailability.search(JULY_1, JULY_1.plusDays(3), 2, Optional.of(" summer10 ")));
        BookingView booked = motel.held(aBooking().by(motel.guest("Anna")).forStay(JULY_1, 3).forGuests(2).withCode("summer10"));

        // then
        assertThat(searched.promotionCode()).contains("SUMMER10");
        assertThat(searched.promotionRefused()).isEmpty();
        assertThat(searched.roomTypes()).singleElement().satisfies(offer -> {
            assertThat(offer.price().subtotal()).isEqualTo(usd("420.00"));
            assertThat(offer.price().discount()).isEqualTo(usd("42.00"));
            assertThat(offer.total()).isEqualTo(usd("378.00")).isEqualTo(booked.total());
            assertThat(offer.nightlyRates()).isEqualTo(booked.nightlyRates());
        });
    }

    @Test
    void a_code_that_does_not_apply_says_why_and_leaves_the_prices_undiscounted() {
        // given
        motel.offers(aPromotion().code("LONGSTAY").dollarsOff("50.00").forStaysOfAtLeast(4));

        // when
        Availability unknown = succeeded(motel.searchAvailability.search(JULY_1, JULY_1.plusDays(2), 1, Optional.of("NOSUCH")));
        Availability tooShort = succeeded(motel.searchAvailability.search(JULY_1, JULY_1.plusDays(2), 1, Optional.of("longstay")));
        Availability blank = succeeded(motel.searchAvailability.search(JULY_1, JULY_1.plusDays(2), 1, Optional.of("  ")));

        // then
        assertThat(unknown.promotionRefused()).contains("There is no promotion code NOSUCH.");
        assertThat(tooShort.promotionRefused()).contains("The code LONGSTAY needs a stay of at least 4 nights.");
        assertThat(List.of(unknown, tooShort, blank)).allSatisfy(availability -> {
            assertThat(availability.promotionCode()).isEmpty();
            assertThat(availability.roomTypes()).singleElement().extracting(RoomTypeOffer::total).isEqualTo(usd("200.00"));
        });
        assertThat(blank.promotionRefused()).as("no code typed").isEmpty();
    }

    @Test
    void today_is_the_date_at_the_motel_not_on_the_servers_clock() {
        // given: 02:00 on 1 June in UTC is still 31 May in Maine
        motel.clock.advance(Duration.ofHours(-10));
        LocalDate may31 = LocalDate.of(2027, 5, 31);

        // when
        var tonight = motel.searchAvailability.search(may31, may31.plusDays(1), 1);
        var yesterday = motel.searchAvailability.search(may31.minusDays(1), may31, 1);

        // then
        assertThat(succeeded(tonight).roomTypes()).isNotEmpty();
        assertThat(refusal(yesterday).field()).isEqualTo("checkIn");
        assertThat(refusal(yesterday).reason()).contains("today is 2027-05-31 at the motel");
    }

    @Test
    void a_stay_longer_than_can_be_booked_online_is_refused_naming_the_check_out() {
        // when
        Refusal tooLong = refusal(motel.searchAvailability.search(JULY_1, JULY_1.plusDays(31), 1));

        // then
        assertThat(tooLong.kind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(tooLong.field()).isEqualTo("checkOut");
        assertThat(tooLong.reason()).contains("at most 30 nights");
    }

    @Test
    void browsing_lists_the_motels_room_types_and_nothing_before_the_motel_is_set_up() {
        // given
        RoomType suite = motel.sells(aRoomType().named("Family Suite").sleeping(4).at("180.00"));
        InMemoryInventory empty = new InMemoryInventory(new InMemoryPromotions());

        // when
        var offered = motel.browseRoomTypes.roomTypes();
        var offeredByNobody = new BrowseRoomTypesService(empty).roomTypes();
        var searchedAtNobody = new SearchAvailabilityService(empty, new InMemoryPromotions(), BookingSettings.defaults(), motel.clock).search(JULY_1, JULY_1.plusDays(1), 1);

        // then
        assertThat(offered).containsExactly(motel.queen, suite);
        assertThat(motel.browseRoomTypes.motel()).contains(BookingFixture.WEST_BETHEL);
        assertThat(offeredByNobody).isEmpty();
        assertThat(new BrowseRoomTypesService(empty).motel()).isEmpty();
        assertThat(refusal(searchedAtNobody).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
    }
}
