package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.NOW;
import static com.westbethel.motel.application.booking.service.BookingFixture.TODAY;
import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.RoomHousekeepingUseCase.HousekeepingBoard;
import com.westbethel.motel.application.booking.port.in.RoomHousekeepingUseCase.RoomStatusLine;
import com.westbethel.motel.application.booking.port.in.RoomHousekeepingUseCase.RoomStatusView;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.inventory.HousekeepingStatus;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class RoomHousekeepingServiceTest {

    private final BookingFixture motel = BookingFixture.withQueenRooms(3);
    private final Actor clerk = motel.staff("Sam");

    @Test
    void housekeeping_sees_every_room_by_number_with_who_is_in_it_arriving_or_leaving_today() {
        // given
        BookingView arriving = motel.paid(aBooking().by(motel.guest("Anna")).forStay(TODAY, 2));
        BookingView staying = motel.paid(aBooking().by(motel.guest("Ben")).forStay(TODAY, 3));
        succeeded(motel.frontDesk.checkIn(clerk, staying.id()));

        // when
        HousekeepingBoard board = motel.roomHousekeeping.rooms().orElseThrow();

        // then
        assertThat(board.date()).isEqualTo(TODAY);
        assertThat(board.rooms()).extracting(RoomStatusLine::number).containsExactly("101", "102", "103");
        assertThat(board.rooms()).allSatisfy(room -> {
            assertThat(room.status()).isEqualTo(HousekeepingStatus.CLEAN);
            assertThat(room.changedAt()).isEmpty();
            assertThat(room.roomType()).isEqualTo("Queen Room");
        });
        assertThat(board.rooms().get(0).arrivalToday()).contains(arriving.reference());
        assertThat(board.rooms().get(0).occupied()).isFalse();
        assertThat(board.rooms().get(1).occupied()).isTrue();
        assertThat(board.rooms().get(1).arrivalToday()).as("already arrived").isEmpty();
        assertThat(board.rooms().get(2).arrivalToday()).isEmpty();
    }

    @Test
    void a_clerk_sets_a_rooms_status_and_the_change_is_audited_with_their_id_and_the_status_before() {
        // given
        UUID room = motel.roomHousekeeping.rooms().orElseThrow().rooms().get(1).roomId();

        // when
        RoomStatusView dirty = succeeded(motel.roomHousekeeping.setStatus(clerk, room, "dirty"));
        RoomStatusView inspected = succeeded(motel.roomHousekeeping.setStatus(clerk, room, "INSPECTED"));

        // then
        assertThat(dirty.number()).isEqualTo("102");
        assertThat(dirty.status()).isEqualTo(HousekeepingStatus.DIRTY);
        assertThat(inspected.status()).isEqualTo(HousekeepingStatus.INSPECTED);
        assertThat(inspected.changedAt()).isEqualTo(NOW);
        RoomStatusLine line = motel.roomHousekeeping.rooms().orElseThrow().rooms().get(1);
        assertThat(line.status()).isEqualTo(HousekeepingStatus.INSPECTED);
        assertThat(line.changedAt()).contains(NOW);
        AuditEntry last = motel.auditLog.entries().get(motel.auditLog.entries().size() - 1);
        assertThat(last.action()).isEqualTo("ROOM_HOUSEKEEPING_CHANGED");
        assertThat(last.actor()).isEqualTo("staff:" + clerk.account().orElseThrow());
        assertThat(last.entityType()).isEqualTo("room");
        assertThat(last.entityId()).isEqualTo(room.toString());
        assertThat(last.before()).isEqualTo(Map.of("status", "DIRTY"));
        assertThat(last.after()).isEqualTo(Map.of("status", "INSPECTED", "number", "102"));
    }

    @Test
    void a_status_that_is_not_one_is_refused_naming_the_field_and_an_unknown_room_is_not_found() {
        // given
        UUID room = motel.roomHousekeeping.rooms().orElseThrow().rooms().get(0).roomId();
        UUID unknown = UUID.randomUUID();

        // when
        Refusal sparkling = refusal(motel.roomHousekeeping.setStatus(clerk, room, "SPARKLING"));
        Refusal missing = refusal(motel.roomHousekeeping.setStatus(clerk, unknown, "CLEAN"));

        // then
        assertThat(sparkling.kind()).isEqualTo(Refusal.Kind.INVALID);
        assertThat(sparkling.field()).isEqualTo("status");
        assertThat(sparkling.reason()).isEqualTo("The status must be CLEAN, DIRTY or INSPECTED.");
        assertThat(missing.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(missing.reason()).isEqualTo("There is no room " + unknown + ".");
        assertThat(motel.housekeeping.writes).isEmpty();
        assertThat(motel.auditedActions()).doesNotContain("ROOM_HOUSEKEEPING_CHANGED");
    }
}
