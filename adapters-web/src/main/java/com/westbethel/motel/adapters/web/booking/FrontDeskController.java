package com.westbethel.motel.adapters.web.booking;

import com.westbethel.motel.adapters.web.audit.AuditJson;
import com.westbethel.motel.application.audit.port.in.QueryAuditLogUseCase;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.FrontDeskUseCase;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/admin for the front desk (staff and admins): arrivals, departures, no-shows, room moves, history. */
@Tag(name = "Front desk")
@RestController
@RequestMapping("/api/v1/admin")
class FrontDeskController {

    private final FrontDeskUseCase frontDesk;
    private final QueryAuditLogUseCase audit;

    FrontDeskController(FrontDeskUseCase frontDesk, QueryAuditLogUseCase audit) {
        this.frontDesk = frontDesk;
        this.audit = audit;
    }

    record Move(@NotBlank @Size(max = 16) @Schema(example = "204") String roomNumber) {
    }

    @Operation(summary = "Check a guest in")
    @ApiResponse(responseCode = "200", description = "CHECKED_IN", content = @Content(schema = @Schema(implementation = BookingJson.class)))
    @PostMapping("/bookings/{id}/check-in")
    ResponseEntity<?> checkIn(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id) {
        return respond(frontDesk.checkIn(Actors.of(caller), id));
    }

    @Operation(summary = "Check a guest out")
    @ApiResponse(responseCode = "200", description = "CHECKED_OUT", content = @Content(schema = @Schema(implementation = BookingJson.class)))
    @PostMapping("/bookings/{id}/check-out")
    ResponseEntity<?> checkOut(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id) {
        return respond(frontDesk.checkOut(Actors.of(caller), id));
    }

    @Operation(summary = "Mark a booking as a no-show")
    @ApiResponse(responseCode = "200", description = "NO_SHOW", content = @Content(schema = @Schema(implementation = BookingJson.class)))
    @PostMapping("/bookings/{id}/no-show")
    ResponseEntity<?> noShow(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id) {
        return respond(frontDesk.markNoShow(Actors.of(caller), id));
    }

    @Operation(summary = "Move a booking to another room of its type")
    @ApiResponse(responseCode = "200", description = "Moved", content = @Content(schema = @Schema(implementation = BookingJson.class)))
    @PostMapping("/bookings/{id}/move")
    ResponseEntity<?> move(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @Valid @RequestBody Move request) {
        return respond(frontDesk.moveToRoom(Actors.of(caller), id, request.roomNumber()));
    }

    @Operation(summary = "The audited history of one entity")
    @GetMapping("/audit")
    List<AuditJson> audit(@RequestParam @NotBlank @Size(max = 32) String entityType, @RequestParam @NotBlank @Size(max = 64) String entityId) {
        return audit.history(entityType, entityId).stream().map(AuditJson::of).toList();
    }

    private static ResponseEntity<?> respond(Outcome<BookingView> outcome) {
        return outcome.fold(booking -> ResponseEntity.ok(BookingJson.of(booking)), Refusals::toProblem);
    }
}
