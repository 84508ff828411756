package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.JULY_1;
import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static com.westbethel.motel.application.booking.service.BookingFixture.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.SearchAvailabilityUseCase.RoomTypeOffer;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomType;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ManageInventoryServiceTest {

    private final BookingFixture motel = BookingFixture.withQueenRooms(1);
    private final Actor admin = motel.admin("Ada");

    @Test
    void an_admin_adds_a_room_type_priced_in_the_motels_currency_and_the_change_is_audited_under_their_name() {
        // when
        RoomType suite = succeeded(motel.manageInventory.addRoomType(admin, " Family Suite ", "Two rooms", 4, new BigDecimal("180.00"),
                List.of("Kitchenette")));

        // then
        assertThat(suite.name()).isEqualTo("Family Suite");
        assertThat(suite.baseRate()).isEqualTo(usd("180.00"));
        assertThat(motel.browseRoomTypes.roomTypes()).contains(suite);
        assertThat(motel.auditLog.entries()).singleElement().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("ROOM_TYPE_ADDED");
            assertThat(entry.actor()).isEqualTo("staff:" + admin.account().orElseThrow());
            assertThat(entry.after()).containsEntry("baseRate", "180.00 USD").containsEntry("maxOccupancy", "4");
        });
    }

    @Test
    void two_room_types_never_share_a_name_whether_added_or_renamed() {
        // given
        RoomType suite = succeeded(motel.manageInventory.addRoomType(admin, "Family Suite", "", 4, new BigDecimal("180.00"), List.of()));

        // when
        Refusal added = refusal(motel.manageInventory.addRoomType(admin, "Queen Room", "", 2, new BigDecimal("90.00"), List.of()));
        Refusal renamed = refusal(motel.manageInventory.updateRoomType(admin, suite.id().value(), "Queen Room", "", 4, new BigDecimal("180.00"),
                List.of()));
        RoomType kept = succeeded(motel.manageInventory.updateRoomType(admin, suite.id().value(), "Family Suite", "Bigger", 5,
                new BigDecimal("190.00"), List.of()));

        // then
        assertThat(added.field()).isEqualTo("name");
        assertThat(renamed.reason()).isEqualTo("There is already a room type called Queen Room.");
        assertThat(kept.maxOccupancy()).isEqualTo(5);
        assertThat(motel.auditLog.entries()).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("ROOM_TYPE_CHANGED");
            assertThat(entry.before()).containsEntry("baseRate", "180.00 USD");
            assertThat(entry.after()).containsEntry("baseRate", "190.00 USD");
        });
    }

    @Test
    void a_rate_the_rules_refuse_comes_back_as_a_refusal_naming_the_field_and_nothing_is_added() {
        // when
        Refusal free = refusal(motel.manageInventory.addRoomType(admin, "Closet", "", 1, BigDecimal.ZERO, List.of()));
        Refusal tooPrecise = refusal(motel.manageInventory.addRoomType(admin, "Closet", "", 1, new BigDecimal("10.005"), List.of()));

        // then
        assertThat(free.kind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(free.field()).isEqualTo("baseRate");
        assertThat(tooPrecise.field()).isEqualTo("baseRate");
        assertThat(motel.browseRoomTypes.roomTypes()).containsExactly(motel.queen);
        assertThat(motel.auditLog.entries()).isEmpty();
    }

    @Test
    void a_new_room_can_be_booked_and_its_number_cannot_be_given_twice() {
        // given
        motel.held(aBooking().by(motel.guest("Anna")).forStay(JULY_1, 2));

        // when
        UUID room = succeeded(motel.manageInventory.addRoom(admin, motel.queen.id().value(), "102", 1));
        Refusal again = refusal(motel.manageInventory.addRoom(admin, motel.queen.id().value(), "102", 1));

        // then
        assertThat(room).isNotNull();
        assertThat(again.field()).isEqualTo("number");
        assertThat(motel.book(aBooking().by(motel.guest("Ben")).forStay(JULY_1, 2))).isInstanceOf(Outcome.Success.class);
    }

    @Test
    void a_room_out_of_service_is_not_offered_until_it_is_back_in_service() {
        // given
        UUID room = motel.inventory.roomsOf(motel.queen.id()).get(0).value();

        // when
        succeeded(motel.manageInventory.setRoomInService(admin, room, false));
        int whileOut = freeQueenRooms();
        succeeded(motel.manageInventory.setRoomInService(admin, room, true));

        // then
        assertThat(whileOut).isZero();
        assertThat(freeQueenRooms()).isEqualTo(1);
        assertThat(motel.auditedActions()).containsExactly("ROOM_OUT_OF_SERVICE", "ROOM_IN_SERVICE");
    }

    @Test
    void a_room_is_closed_only_over_nights_no_booking_holds_and_a_closure_ends_after_it_starts() {
        // given
        UUID room = motel.inventory.roomsOf(motel.queen.id()).get(0).value();
        var anna = motel.held(aBooking().by(motel.guest("Anna")).forStay(JULY_1.plusDays(10), 2));

        // when
        Refusal overABooking = refusal(motel.manageInventory.closeRoom(admin, room, JULY_1.plusDays(11), JULY_1.plusDays(14), "Painting"));
        Refusal backwards = refusal(motel.manageInventory.closeRoom(admin, room, JULY_1.plusDays(3), JULY_1, "Painting"));
        succeeded(motel.manageInventory.closeRoom(admin, room, JULY_1, JULY_1.plusDays(3), "Painting"));

        // then
        assertThat(overABooking.kind()).isEqualTo(Refusal.Kind.BOOKINGS_AHEAD);
        assertThat(overABooking.reason()).isEqualTo("Closing room 101 for these nights would leave these bookings without their room: "
                + anna.reference() + ". Move or cancel them first.");
        assertThat(backwards.field()).isEqualTo("ends");
        assertThat(freeQueenRooms()).as("closed over the stay searched").isZero();
    }

    @Test
    void a_rate_plan_prices_its_season_and_removing_it_brings_the_base_rate_back() {
        // given
        RatePlan summer = succeeded(motel.manageInventory.addRatePlan(admin, motel.queen.id().value(), "Summer", JULY_1, JULY_1.plusMonths(2),
                new BigDecimal("130.00"), new BigDecimal("160.00"), 1));

        // when
        RoomTypeOffer inSeason = queenOffer();
        succeeded(motel.manageInventory.removeRatePlan(admin, summer.id()));
        RoomTypeOffer afterRemoval = queenOffer();

        // then
        assertThat(inSeason.total()).as("Thursday at the weekday rate, Friday at the weekend's").isEqualTo(usd("290.00"));
        assertThat(afterRemoval.total()).isEqualTo(usd("200.00"));
        assertThat(refusal(motel.manageInventory.removeRatePlan(admin, summer.id())).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
    }

    @Test
    void a_promotion_code_is_kept_in_capitals_used_once_and_never_worth_more_than_everything() {
        // when
        Promotion welcome = succeeded(motel.manageInventory.addPromotion(admin, "welcome10", Promotion.Kind.PERCENT, BigDecimal.TEN, JULY_1,
                JULY_1.plusMonths(1), Optional.of(100), 1, 1));
        Refusal twice = refusal(motel.manageInventory.addPromotion(admin, "WELCOME10 ", Promotion.Kind.FIXED, BigDecimal.ONE, JULY_1,
                JULY_1.plusMonths(1), Optional.empty(), 1, 1));
        Refusal overAHundred = refusal(motel.manageInventory.addPromotion(admin, "ALLFREE", Promotion.Kind.PERCENT, new BigDecimal("101"),
                JULY_1, JULY_1.plusMonths(1), Optional.empty(), 1, 1));

        // then
        assertThat(welcome.code()).isEqualTo("WELCOME10");
        assertThat(motel.promotions.byCode("welcome10")).contains(welcome);
        assertThat(twice.reason()).isEqualTo("The code WELCOME10 exists already.");
        assertThat(overAHundred.field()).isEqualTo("value");
    }

    private int freeQueenRooms() {
        return queenOffer().availableRooms();
    }

    private RoomTypeOffer queenOffer() {
        return succeeded(motel.searchAvailability.search(JULY_1, JULY_1.plusDays(2), 1)).roomTypes().get(0);
    }
}
