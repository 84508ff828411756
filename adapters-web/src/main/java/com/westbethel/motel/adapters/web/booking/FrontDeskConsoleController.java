package com.westbethel.motel.adapters.web.booking;

import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.RoomHousekeepingUseCase;
import com.westbethel.motel.application.booking.port.in.RoomHousekeepingUseCase.HousekeepingBoard;
import com.westbethel.motel.application.booking.port.in.RoomHousekeepingUseCase.RoomStatusLine;
import com.westbethel.motel.application.booking.port.in.RoomHousekeepingUseCase.RoomStatusView;
import com.westbethel.motel.application.booking.port.in.ViewFrontDeskUseCase;
import com.westbethel.motel.application.booking.port.in.ViewFrontDeskUseCase.FrontDeskDay;
import com.westbethel.motel.application.booking.port.in.ViewFrontDeskUseCase.StayLine;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/v1/admin for the staff console (staff and admins): the front desk's day, and the rooms' housekeeping status. Read
 * straight from the database; every change audited with the clerk's id.
 */
@Tag(name = "Front desk")
@RestController
@RequestMapping("/api/v1/admin")
class FrontDeskConsoleController {

    private final ViewFrontDeskUseCase frontDesk;
    private final RoomHousekeepingUseCase housekeeping;

    FrontDeskConsoleController(ViewFrontDeskUseCase frontDesk, RoomHousekeepingUseCase housekeeping) {
        this.frontDesk = frontDesk;
        this.housekeeping = housekeeping;
    }

    record StayJson(UUID bookingId, @Schema(example = "WB-7K2M9Q") String reference, @Schema(example = "Mia Holm") String guestName,
            @Schema(example = "2") int guests, UUID roomId, @Schema(example = "104") String roomNumber,
            @Schema(example = "Queen Room") String roomType, LocalDate checkIn, LocalDate checkOut,
            @Schema(example = "CONFIRMED", allowableValues = {"PENDING_PAYMENT", "CONFIRMED", "CHECKED_IN", "CHECKED_OUT", "CANCELLED", "NO_SHOW"})
            String status,
            @Schema(example = "CLEAN", allowableValues = {"CLEAN", "DIRTY", "INSPECTED"}) String housekeeping,
            @Schema(description = "Cleaned (CLEAN or INSPECTED) and no other guest still checked in to the room") boolean roomReady,
            @Schema(description = "Still checked in after the check-out day") boolean overdue,
            @Schema(description = "What the desk can do now, today at the motel") List<String> actions) {

        static StayJson of(StayLine line) {
            List<String> actions = new ArrayList<>();
            if (line.canCheckIn()) {
                actions.add("CHECK_IN");
            }
            if (line.canCheckOut()) {
                actions.add("CHECK_OUT");
            }
            if (line.canMarkNoShow()) {
                actions.add("NO_SHOW");
            }
            return new StayJson(line.bookingId(), line.reference(), line.guestName(), line.guests(), line.roomId(), line.roomNumber(),
                    line.roomType(), line.checkIn(), line.checkOut(), line.status().name(), line.housekeeping().name(), line.roomReady(),
                    line.overdue(), List.copyOf(actions));
        }
    }

    record TodayJson(LocalDate date, List<StayJson> arrivals, List<StayJson> departures, List<StayJson> inHouse) {

        static TodayJson of(FrontDeskDay day) {
            return new TodayJson(day.date(), day.arrivals().stream().map(StayJson::of).toList(), day.departures().stream().map(StayJson::of).toList(),
                    day.inHouse().stream().map(StayJson::of).toList());
        }
    }

    record RoomJson(UUID roomId, @Schema(example = "104") String number, @Schema(example = "1") int floor,
            @Schema(example = "Queen Room") String roomType, @Schema(example = "DIRTY", allowableValues = {"CLEAN", "DIRTY", "INSPECTED"}) String status,
            @Schema(nullable = true) Instant changedAt, @Schema(description = "A guest is checked in") boolean occupied,
            @Schema(nullable = true, example = "WB-7K2M9Q", description = "A booking checking in today, not arrived yet") String arrivalToday,
            @Schema(nullable = true, example = "WB-3H8P2D", description = "A booking checking out today") String departureToday) {

        static RoomJson of(RoomStatusLine room) {
            return new RoomJson(room.roomId(), room.number(), room.floor(), room.roomType(), room.status().name(), room.changedAt().orElse(null),
                    room.occupied(), room.arrivalToday().orElse(null), room.departureToday().orElse(null));
        }
    }

    record HousekeepingJson(LocalDate date, List<RoomJson> rooms) {

        static HousekeepingJson of(HousekeepingBoard board) {
            return new HousekeepingJson(board.date(), board.rooms().stream().map(RoomJson::of).toList());
        }
    }

    record HousekeepingRequest(@NotBlank @Size(max = 16) @Schema(example = "CLEAN", allowableValues = {"CLEAN", "DIRTY", "INSPECTED"}) String status) {
    }

    record RoomStatusJson(UUID roomId, @Schema(example = "104") String number,
            @Schema(example = "CLEAN", allowableValues = {"CLEAN", "DIRTY", "INSPECTED"}) String status, Instant changedAt) {

        static RoomStatusJson of(RoomStatusView room) {
            return new RoomStatusJson(room.roomId(), room.number(), room.status().name(), room.changedAt());
        }
    }

    @Operation(summary = "The front desk's day: arrivals, departures (overdue ones too) and guests in the house")
    @ApiResponse(responseCode = "200", description = "The day's lists, each by room number",
            content = @Content(schema = @Schema(implementation = TodayJson.class)))
    @GetMapping("/front-desk/today")
    ResponseEntity<?> today(@Parameter(description = "The day to show, at most 5 years from today; today at the motel if absent", example = "2027-07-01")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date) {
        return frontDesk.today(Optional.ofNullable(date)).fold(day -> ResponseEntity.ok(TodayJson.of(day)), Refusals::toProblem);
    }

    @Operation(summary = "Every room in service with its housekeeping status, today")
    @ApiResponse(responseCode = "200", description = "The rooms by number", content = @Content(schema = @Schema(implementation = HousekeepingJson.class)))
    @GetMapping("/housekeeping")
    ResponseEntity<?> housekeeping() {
        return housekeeping.rooms().<ResponseEntity<?>>map(board -> ResponseEntity.ok(HousekeepingJson.of(board)))
                .orElseGet(() -> Refusals.toProblem(Refusal.notFound("The motel has no property yet.")));
    }

    @Operation(summary = "Set a room's housekeeping status (CLEAN, DIRTY or INSPECTED)")
    @ApiResponse(responseCode = "200", description = "The room's status now", content = @Content(schema = @Schema(implementation = RoomStatusJson.class)))
    @PutMapping("/rooms/{id}/housekeeping")
    ResponseEntity<?> setHousekeeping(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id,
            @Valid @RequestBody HousekeepingRequest request) {
        return housekeeping.setStatus(Actors.of(caller), id, request.status())
                .fold(room -> ResponseEntity.ok(RoomStatusJson.of(room)), Refusals::toProblem);
    }
}
