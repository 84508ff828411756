package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.JULY_1;
import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static com.westbethel.motel.application.booking.service.BookingFixture.aRatePlan;
import static com.westbethel.motel.application.booking.service.BookingFixture.aRoomType;
import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static com.westbethel.motel.application.booking.service.BookingFixture.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.ViewPriceCalendarUseCase.Night;
import com.westbethel.motel.application.booking.port.in.ViewPriceCalendarUseCase.NightStatus;
import com.westbethel.motel.application.booking.port.in.ViewPriceCalendarUseCase.PriceCalendar;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.domain.shared.Money;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ViewPriceCalendarServiceTest {

    private static final YearMonth JULY = YearMonth.of(2027, 7);

    private final BookingFixture motel = BookingFixture.withQueenRooms(1);

    @Test
    void every_night_of_the_month_shows_the_lowest_rate_of_the_room_types_sleeping_the_party() {
        // given: the queen's summer season from 1 July; the suite sleeps four at its base rate
        motel.prices(aRatePlan().forType(motel.queen).weekdaysAt("120.00").weekendsAt("150.00"));
        motel.sells(aRoomType().named("Family Suite").sleeping(4).at("180.00"));

        // when
        PriceCalendar forTwo = succeeded(motel.priceCalendar.calendar(Optional.of(JULY), 2));
        PriceCalendar forFour = succeeded(motel.priceCalendar.calendar(Optional.of(JULY), 4));

        // then
        assertThat(forTwo.nights()).hasSize(31).extracting(Night::date).startsWith(JULY_1).endsWith(LocalDate.of(2027, 7, 31));
        assertThat(forTwo.nights()).extracting(Night::status).containsOnly(NightStatus.FREE);
        assertThat(rate(forTwo, JULY_1)).as("Thursday").contains(usd("120.00"));
        assertThat(rate(forTwo, JULY_1.plusDays(1))).as("Friday").contains(usd("150.00"));
        assertThat(rate(forFour, JULY_1)).as("only the suite sleeps four").contains(usd("180.00"));
    }

    @Test
    void a_night_with_no_room_of_any_type_sleeping_the_party_is_full_and_the_next_cheapest_type_shows_through() {
        // given: the one queen is held for 10 and 11 July
        motel.held(aBooking().by(motel.guest("Anna")).forStay(JULY_1.plusDays(9), 2));

        // when
        PriceCalendar forTwo = succeeded(motel.priceCalendar.calendar(Optional.of(JULY), 2));
        motel.sells(aRoomType().named("Family Suite").sleeping(4).at("180.00"));
        PriceCalendar withASuite = succeeded(motel.priceCalendar.calendar(Optional.of(JULY), 2));

        // then
        assertThat(night(forTwo, JULY_1.plusDays(8)).status()).isEqualTo(NightStatus.FREE);
        assertThat(night(forTwo, JULY_1.plusDays(9))).satisfies(full -> {
            assertThat(full.status()).isEqualTo(NightStatus.FULL);
            assertThat(full.lowestRate()).isEmpty();
        });
        assertThat(night(forTwo, JULY_1.plusDays(10)).status()).isEqualTo(NightStatus.FULL);
        assertThat(night(forTwo, JULY_1.plusDays(11)).status()).as("her check-out day is free again").isEqualTo(NightStatus.FREE);
        assertThat(rate(withASuite, JULY_1.plusDays(9))).contains(usd("180.00"));
        assertThat(rate(withASuite, JULY_1.plusDays(11))).contains(usd("100.00"));
    }

    @Test
    void nights_before_today_at_the_motel_are_past_and_not_priced() {
        // given: 15 June at the motel
        motel.clock.advance(Duration.ofDays(14));

        // when
        PriceCalendar june = succeeded(motel.priceCalendar.calendar(Optional.of(YearMonth.of(2027, 6)), 1));

        // then
        assertThat(june.today()).isEqualTo(LocalDate.of(2027, 6, 15));
        assertThat(succeeded(motel.priceCalendar.calendar(Optional.empty(), 1))).as("the motel's current month").satisfies(current -> {
            assertThat(current.month()).isEqualTo(YearMonth.of(2027, 6));
            assertThat(current.first()).isEqualTo(YearMonth.of(2027, 6));
            assertThat(current.last()).isEqualTo(YearMonth.of(2029, 6));
        });
        assertThat(june.nights()).hasSize(30);
        assertThat(june.nights().subList(0, 14)).extracting(Night::status).containsOnly(NightStatus.PAST);
        assertThat(june.nights().subList(14, 30)).extracting(Night::status).containsOnly(NightStatus.FREE);
        assertThat(night(june, LocalDate.of(2027, 6, 14)).lowestRate()).isEmpty();
    }

    @Test
    void a_night_in_a_season_asking_for_a_longer_stay_says_how_long() {
        // given
        motel.prices(aRatePlan().forType(motel.queen).forNights(JULY_1.plusDays(14), JULY_1.plusDays(21)).minimumStay(3));

        // when
        PriceCalendar july = succeeded(motel.priceCalendar.calendar(Optional.of(JULY), 1));

        // then
        assertThat(night(july, JULY_1.plusDays(13)).minimumStay()).isEqualTo(1);
        assertThat(night(july, JULY_1.plusDays(14)).minimumStay()).isEqualTo(3);
    }

    @Test
    void when_no_room_type_sleeps_the_party_every_night_is_full() {
        // when
        PriceCalendar forFive = succeeded(motel.priceCalendar.calendar(Optional.of(JULY), 5));

        // then
        assertThat(forFive.nights()).extracting(Night::status).containsOnly(NightStatus.FULL);
    }

    @Test
    void a_month_that_is_over_too_far_ahead_or_for_nobody_is_refused_naming_the_field() {
        // when
        Refusal over = refusal(motel.priceCalendar.calendar(Optional.of(YearMonth.of(2027, 5)), 1));
        Refusal tooFar = refusal(motel.priceCalendar.calendar(Optional.of(YearMonth.of(2029, 7)), 1));
        Refusal nobody = refusal(motel.priceCalendar.calendar(Optional.of(JULY), 0));

        // then
        assertThat(over.field()).isEqualTo("month");
        assertThat(over.reason()).isEqualTo("2027-05 is over; the calendar starts at 2027-06.");
        assertThat(tooFar.field()).isEqualTo("month");
        assertThat(tooFar.reason()).isEqualTo("The calendar shows up to 2029-06.");
        assertThat(nobody.field()).isEqualTo("guests");
        assertThat(succeeded(motel.priceCalendar.calendar(Optional.of(YearMonth.of(2029, 6)), 1)).nights()).hasSize(30);
    }

    @Test
    void a_month_costs_the_same_few_reads_of_the_inventory_however_many_nights_and_room_types() {
        // given
        motel.sells(aRoomType().named("Family Suite").sleeping(4).at("180.00").rooms(3));
        motel.sells(aRoomType().named("Bunk Room").sleeping(4).at("60.00").rooms(2));
        List<String> reads = new ArrayList<>();
        Inventory counted = (Inventory) Proxy.newProxyInstance(Inventory.class.getClassLoader(), new Class<?>[] {Inventory.class},
                (proxy, method, arguments) -> {
                    reads.add(method.getName());
                    try {
                        return method.invoke(motel.inventory, arguments);
                    } catch (InvocationTargetException failure) {
                        throw failure.getCause();
                    }
                });

        // when
        succeeded(new ViewPriceCalendarService(counted, motel.clock).calendar(Optional.of(JULY), 2));

        // then
        assertThat(reads).containsExactly("defaultProperty", "roomTypes", "ratePlans", "freeRoomsPerNight");
    }

    @Test
    void nothing_is_shown_before_the_motel_is_set_up() {
        // when
        var calendar = new ViewPriceCalendarService(new InMemoryBooking.InMemoryInventory(new InMemoryBooking.InMemoryPromotions()), motel.clock)
                .calendar(Optional.of(JULY), 1);

        // then
        assertThat(refusal(calendar).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
    }

    private static Night night(PriceCalendar calendar, LocalDate date) {
        return calendar.nights().stream().filter(night -> night.date().equals(date)).findFirst().orElseThrow();
    }

    private static Optional<Money> rate(PriceCalendar calendar, LocalDate date) {
        return night(calendar, date).lowestRate();
    }
}
