package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.JULY_1;
import static com.westbethel.motel.application.booking.service.BookingFixture.TODAY;
import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static com.westbethel.motel.application.booking.service.BookingFixture.aPromotion;
import static com.westbethel.motel.application.booking.service.BookingFixture.aRatePlan;
import static com.westbethel.motel.application.booking.service.BookingFixture.aRoomType;
import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.ChangeInventoryUseCase.Removal;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase.InventoryView;
import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase.PromotionLine;
import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase.RoomLine;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomType;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ChangeInventoryServiceTest {

    private final BookingFixture motel = BookingFixture.withQueenRooms(2);
    private final InMemoryInventoryConsole console = new InMemoryInventoryConsole(motel.inventory, motel.bookings, motel.promotions);
    private final ChangeInventoryService changes = new ChangeInventoryService(motel.inventory, motel.inventory, console, motel.auditLog, motel.clock);
    private final ViewInventoryService view = new ViewInventoryService(motel.inventory, console, motel.clock);
    private final Actor clerk = motel.staff("Sam");

    @Test
    void taking_a_room_out_of_service_or_closing_it_over_a_confirmed_stay_is_refused_naming_the_booking() {
        // given
        BookingView stay = motel.paid(aBooking().by(motel.guest("Anna")).forStay(JULY_1, 2));
        UUID room = motel.stored(stay).room().value();

        // when
        Refusal out = refusal(motel.manageInventory.setRoomInService(clerk, room, false));
        Refusal closed = refusal(motel.manageInventory.closeRoom(clerk, room, JULY_1.plusDays(1), JULY_1.plusDays(5), "Paint"));

        // then
        assertThat(out.kind()).isEqualTo(Refusal.Kind.BOOKINGS_AHEAD);
        assertThat(out.reason()).contains(stay.reference()).startsWith("Taking room ");
        assertThat(closed.kind()).isEqualTo(Refusal.Kind.BOOKINGS_AHEAD);
        assertThat(closed.reason()).contains(stay.reference());
        assertThat(roomLine(room).inService()).isTrue();
        assertThat(motel.auditLog.entries()).noneMatch(entry -> entry.action().startsWith("ROOM_"));
    }

    @Test
    void a_stay_that_has_ended_does_not_keep_a_room_in_service() {
        // given
        BookingView stay = motel.paid(aBooking().by(motel.guest("Anna")).forStay(TODAY.plusDays(1), 2));
        UUID room = motel.stored(stay).room().value();
        motel.clock.advance(Duration.ofDays(3));

        // when
        succeeded(motel.manageInventory.setRoomInService(clerk, room, false));

        // then
        assertThat(roomLine(room).inService()).isFalse();
    }

    @Test
    void removing_a_room_deletes_it_if_never_booked_and_retires_it_out_of_service_once_booked() {
        // given
        BookingView stay = motel.paid(aBooking().by(motel.guest("Anna")).forStay(TODAY.plusDays(1), 1));
        UUID booked = motel.stored(stay).room().value();
        UUID neverBooked = motel.inventory.roomsOf(motel.queen.id()).stream().map(id -> id.value()).filter(id -> !id.equals(booked))
                .findFirst().orElseThrow();

        // when
        Refusal whileAhead = refusal(changes.removeRoom(clerk, booked));
        motel.clock.advance(Duration.ofDays(5));
        Removal retired = succeeded(changes.removeRoom(clerk, booked));
        Removal deleted = succeeded(changes.removeRoom(clerk, neverBooked));

        // then
        assertThat(whileAhead.reason()).contains(stay.reference());
        assertThat(retired).isEqualTo(Removal.RETIRED);
        assertThat(deleted).isEqualTo(Removal.DELETED);
        assertThat(rooms()).singleElement().satisfies(room -> {
            assertThat(room.roomId()).isEqualTo(booked);
            assertThat(room.inService()).isFalse();
        });
        assertThat(motel.auditLog.entries()).filteredOn(entry -> entry.entityType().equals("room")).allSatisfy(entry ->
                assertThat(entry.actor()).isEqualTo("staff:" + clerk.account().orElseThrow())).extracting(entry -> entry.action())
                .containsExactly("ROOM_RETIRED", "ROOM_REMOVED");
    }

    @Test
    void a_room_type_is_retired_once_booked_deleted_otherwise_and_never_while_it_has_rooms_or_stays_ahead() {
        // given
        RoomType loft = motel.sells(aRoomType().named("Loft").rooms(1));
        RoomType attic = motel.sells(aRoomType().named("Attic").rooms(0));
        BookingView stay = motel.paid(aBooking().by(motel.guest("Anna")).of(loft).forStay(TODAY.plusDays(1), 1));
        UUID loftRoom = motel.stored(stay).room().value();

        // when
        Refusal withStay = refusal(changes.removeRoomType(clerk, loft.id().value()));
        motel.clock.advance(Duration.ofDays(5));
        Refusal withRoom = refusal(changes.removeRoomType(clerk, loft.id().value()));
        succeeded(changes.updateRoom(clerk, loftRoom, motel.queen.id().value(), "301", 3));
        Removal loftGone = succeeded(changes.removeRoomType(clerk, loft.id().value()));
        Removal atticGone = succeeded(changes.removeRoomType(clerk, attic.id().value()));

        // then
        assertThat(withStay.kind()).isEqualTo(Refusal.Kind.BOOKINGS_AHEAD);
        assertThat(withStay.reason()).startsWith("Retiring Loft").contains(stay.reference());
        assertThat(withRoom.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(withRoom.reason()).isEqualTo("Loft still has room 201: give it another room type or remove it first.");
        assertThat(loftGone).isEqualTo(Removal.RETIRED);
        assertThat(atticGone).isEqualTo(Removal.DELETED);
        assertThat(motel.browseRoomTypes.roomTypes()).extracting(RoomType::name).containsExactly("Queen Room");
        assertThat(inventory().roomTypes()).extracting(line -> line.roomType().name() + (line.retired() ? " (retired)" : ""))
                .containsExactly("Loft (retired)", "Queen Room");
        assertThat(motel.auditedActions()).endsWith("ROOM_CHANGED", "ROOM_TYPE_RETIRED", "ROOM_TYPE_REMOVED");
    }

    @Test
    void a_room_keeps_its_type_while_stays_of_that_type_hold_it_and_its_number_stays_its_own() {
        // given
        RoomType loft = motel.sells(aRoomType().named("Loft").rooms(0));
        BookingView stay = motel.paid(aBooking().by(motel.guest("Anna")).forStay(JULY_1, 2));
        UUID room = motel.stored(stay).room().value();
        String otherNumber = rooms().stream().filter(line -> !line.roomId().equals(room)).findFirst().orElseThrow().number();

        // when
        Refusal retyped = refusal(changes.updateRoom(clerk, room, loft.id().value(), "101", 1));
        Refusal taken = refusal(changes.updateRoom(clerk, room, motel.queen.id().value(), otherNumber, 1));
        Refusal blank = refusal(changes.updateRoom(clerk, room, motel.queen.id().value(), "  ", 1));
        Refusal tooLong = refusal(changes.updateRoom(clerk, room, motel.queen.id().value(), "1".repeat(17), 1));
        Refusal floor = refusal(changes.updateRoom(clerk, room, motel.queen.id().value(), "150", 201));
        succeeded(changes.updateRoom(clerk, room, motel.queen.id().value(), "150", 1));

        // then
        assertThat(blank.field()).isEqualTo("number");
        assertThat(tooLong.field()).isEqualTo("number");
        assertThat(floor.field()).isEqualTo("floor");
        assertThat(retyped.reason()).contains(stay.reference());
        assertThat(taken.field()).isEqualTo("number");
        assertThat(roomLine(room).number()).isEqualTo("150");
        assertThat(roomLine(room).roomType()).isEqualTo("Queen Room");
    }

    @Test
    void a_closure_is_listed_while_it_has_nights_ahead_and_removing_it_reopens_the_room() {
        // given
        UUID room = rooms().get(0).roomId();
        UUID closure = succeeded(motel.manageInventory.closeRoom(clerk, room, JULY_1, JULY_1.plusDays(3), "Paint"));

        // when
        List<RoomLine> listed = rooms();
        Refusal otherRoom = refusal(changes.reopenRoom(clerk, rooms().get(1).roomId(), closure));
        succeeded(changes.reopenRoom(clerk, room, closure));

        // then
        assertThat(listed.get(0).closures()).singleElement().satisfies(line -> {
            assertThat(line.closureId()).isEqualTo(closure);
            assertThat(line.reason()).isEqualTo("Paint");
        });
        assertThat(otherRoom.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(roomLine(room).closures()).isEmpty();
        assertThat(motel.auditedActions()).endsWith("ROOM_CLOSED", "ROOM_CLOSURE_REMOVED");
    }

    @Test
    void a_rate_plan_is_changed_in_place_and_a_season_that_ends_before_it_starts_is_refused() {
        // given
        RatePlan summer = motel.prices(aRatePlan().forType(motel.queen).forNights(JULY_1, JULY_1.plusDays(60)).weekdaysAt("120.00"));

        // when
        RatePlan changed = succeeded(changes.updateRatePlan(clerk, summer.id(), motel.queen.id().value(), "High summer", JULY_1, JULY_1.plusDays(30),
                new BigDecimal("130.00"), new BigDecimal("150.00"), 2));
        Refusal backwards = refusal(changes.updateRatePlan(clerk, summer.id(), motel.queen.id().value(), "High summer", JULY_1, JULY_1,
                new BigDecimal("130.00"), new BigDecimal("150.00"), 2));
        Refusal free = refusal(changes.updateRatePlan(clerk, summer.id(), motel.queen.id().value(), "High summer", JULY_1, JULY_1.plusDays(3),
                BigDecimal.ZERO, new BigDecimal("150.00"), 2));

        // then
        assertThat(inventory().ratePlans()).containsExactly(changed);
        assertThat(changed.name()).isEqualTo("High summer");
        assertThat(backwards.field()).isEqualTo("validUntil");
        assertThat(free.field()).isEqualTo("weekdayRate");
        assertThat(motel.auditLog.entries()).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("RATE_PLAN_CHANGED");
            assertThat(entry.before()).containsEntry("weekdayRate", "120.00 USD");
            assertThat(entry.after()).containsEntry("weekdayRate", "130.00 USD");
        });
    }

    @Test
    void a_promotion_is_changed_and_removed_or_retired_once_a_booking_used_it_and_a_used_code_keeps_its_name() {
        // given
        Promotion unused = motel.offers(aPromotion().code("SPRING").percentOff(10));
        Promotion used = motel.offers(aPromotion().code("SUMMER").percentOff(10));
        motel.paid(aBooking().by(motel.guest("Anna")).forStay(JULY_1, 2).withCode("SUMMER"));

        // when
        Promotion renamed = succeeded(changes.updatePromotion(clerk, unused.id(), "spring2", Promotion.Kind.FIXED, new BigDecimal("15.00"),
                unused.validFrom(), unused.validUntil(), Optional.of(10), 1, 1));
        Refusal clash = refusal(changes.updatePromotion(clerk, unused.id(), "SUMMER", Promotion.Kind.FIXED, new BigDecimal("15.00"),
                unused.validFrom(), unused.validUntil(), Optional.empty(), 1, 1));
        Refusal usedRenamed = refusal(changes.updatePromotion(clerk, used.id(), "AUTUMN", Promotion.Kind.PERCENT, BigDecimal.TEN,
                used.validFrom(), used.validUntil(), Optional.empty(), 1, 1));
        Promotion usedRevalued = succeeded(changes.updatePromotion(clerk, used.id(), "summer", Promotion.Kind.PERCENT, new BigDecimal("15"),
                used.validFrom(), used.validUntil(), Optional.empty(), 1, 1));
        Removal retired = succeeded(changes.removePromotion(clerk, used.id()));
        Removal deleted = succeeded(changes.removePromotion(clerk, unused.id()));

        // then
        assertThat(renamed.code()).isEqualTo("SPRING2");
        assertThat(clash.field()).isEqualTo("code");
        assertThat(usedRenamed.field()).isEqualTo("code");
        assertThat(usedRenamed.reason()).isEqualTo("Guests have booked with SUMMER, so it keeps its code: retire it and add the new code instead.");
        assertThat(usedRevalued.value()).as("what else a used code offers may change").isEqualByComparingTo("15");
        assertThat(retired).isEqualTo(Removal.RETIRED);
        assertThat(deleted).isEqualTo(Removal.DELETED);
        assertThat(motel.promotions.byCode("SUMMER")).as("no longer redeemable").isEmpty();
        assertThat(inventory().promotions()).singleElement().satisfies((PromotionLine line) -> {
            assertThat(line.promotion().code()).isEqualTo("SUMMER");
            assertThat(line.retired()).isTrue();
        });
        assertThat(motel.auditedActions()).endsWith("PROMOTION_CHANGED", "PROMOTION_CHANGED", "PROMOTION_RETIRED", "PROMOTION_REMOVED");
    }

    @Test
    void what_is_not_there_is_not_found() {
        assertThat(refusal(changes.removeRoom(clerk, UUID.randomUUID())).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(refusal(changes.removeRoomType(clerk, UUID.randomUUID())).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(refusal(changes.removePromotion(clerk, UUID.randomUUID())).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(refusal(changes.reopenRoom(clerk, UUID.randomUUID(), UUID.randomUUID())).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(motel.auditLog.entries()).isEmpty();
    }

    private InventoryView inventory() {
        return view.inventory().orElseThrow();
    }

    private List<RoomLine> rooms() {
        return inventory().rooms();
    }

    private RoomLine roomLine(UUID room) {
        return rooms().stream().filter(line -> line.roomId().equals(room)).findFirst().orElseThrow();
    }
}
