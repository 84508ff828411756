package com.westbethel.motel.adapters.web.booking;

import com.westbethel.motel.adapters.web.booking.BookingController.GuestJson;
import com.westbethel.motel.adapters.web.booking.BookingController.PageJson;
import com.westbethel.motel.adapters.web.booking.BookingController.PaymentJson;
import com.westbethel.motel.application.booking.port.in.BookWalkInUseCase;
import com.westbethel.motel.application.booking.port.in.BookWalkInUseCase.WalkInCommand;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentMethod;
import com.westbethel.motel.application.booking.port.in.SearchBookingsUseCase;
import com.westbethel.motel.application.booking.port.in.TakeDeskPaymentUseCase;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.ClosureLine;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.RoomOption;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.StayLine;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * /api/v1/admin for the front desk console (staff and admins): a walk-in booked and paid at the desk, the booking search, the
 * tape chart and the rooms a stay can move to. Checking in and moving are {@link FrontDeskController}'s.
 */
@Tag(name = "Front desk")
@RestController
@RequestMapping("/api/v1/admin")
class DeskBookingsController {

    private final BookWalkInUseCase walkIns;
    private final TakeDeskPaymentUseCase deskPayments;
    private final SearchBookingsUseCase search;
    private final ViewTapeChartUseCase tapeChart;

    DeskBookingsController(BookWalkInUseCase walkIns, TakeDeskPaymentUseCase deskPayments, SearchBookingsUseCase search,
            ViewTapeChartUseCase tapeChart) {
        this.walkIns = walkIns;
        this.deskPayments = deskPayments;
        this.search = search;
        this.tapeChart = tapeChart;
    }

    /** @param roomNumber the one room to hold; without it, the first free room of the type */
    record WalkInRequest(@NotNull @Schema(example = "5e7b3e10-0000-4000-8000-0000000000a1") UUID roomTypeId,
            @NotNull @Schema(example = "2027-07-01") LocalDate checkIn, @NotNull @Schema(example = "2027-07-03") LocalDate checkOut,
            @NotNull @Min(1) @Max(20) @Schema(example = "2") Integer guests,
            @NotNull @Valid @Schema(description = "The walk-in: first and last name required; email and phone optional") GuestJson guest,
            @Size(max = 16) @Schema(example = "104", description = "Optional: this room only, if it is of the type and free") String roomNumber) {
    }

    /** How the desk was paid: cash, or a card on the motel's own terminal. */
    enum DeskMethod {
        CASH,
        CARD_PRESENT
    }

    record DeskPaymentRequest(@NotNull @Schema(example = "CASH") DeskMethod method) {
    }

    record TapeChartJson(@Schema(example = "2027-07-01") LocalDate from, @Schema(example = "14") int days, List<RoomLineJson> rooms) {
    }

    record RoomLineJson(UUID roomId, @Schema(example = "104") String number, @Schema(example = "Queen Room") String roomType,
            @Schema(example = "DIRTY", description = "Now, whatever the days shown: CLEAN, DIRTY or INSPECTED") String housekeeping, boolean inService,
            List<StayJson> stays, List<ClosureJson> closures) {
    }

    record StayJson(UUID bookingId, @Schema(example = "WB-7K2M9Q") String reference, @Schema(example = "Mia Holm") String guestName,
            LocalDate checkIn, LocalDate checkOut, @Schema(example = "CHECKED_IN") String status) {

        static StayJson of(StayLine stay) {
            return new StayJson(stay.bookingId(), stay.reference(), stay.guestName(), stay.checkIn(), stay.checkOut(), stay.status().name());
        }
    }

    record ClosureJson(UUID closureId, LocalDate starts, @Schema(description = "The first day open again") LocalDate ends,
            @Schema(example = "roof repair") String reason) {

        static ClosureJson of(ClosureLine closure) {
            return new ClosureJson(closure.closureId(), closure.starts(), closure.ends(), closure.reason());
        }
    }

    record RoomOptionJson(UUID roomId, @Schema(example = "106") String number) {

        static RoomOptionJson of(RoomOption option) {
            return new RoomOptionJson(option.roomId(), option.number());
        }
    }

    @Operation(summary = "Book a walk-in at the desk (held unpaid until the desk takes the payment)", description = """
            The booking belongs to no account (never the staff member's) and names the guest given: first and last name \
            required, email optional (checked when given: the confirmation goes there), phone optional. Check-in may be today. \
            With roomNumber, only that room is held: 409 sold-out, naming it, when it is not a free room of the type. \
            No promotion codes and no cap on unpaid holds. Audited as the staff member; counted as channel front_desk.""")
    @ApiResponse(responseCode = "201", description = "Held as PENDING_PAYMENT", content = @Content(schema = @Schema(implementation = BookingJson.class)))
    @PostMapping("/bookings")
    ResponseEntity<?> bookWalkIn(@AuthenticationPrincipal AccessTokenClaims caller, @Valid @RequestBody WalkInRequest request,
            @Parameter(description = "Makes a retry safe: the same key and request get the first booking again (1 to 128 characters, "
                    + "unique among the staff member's own keys)", example = "3f2b8c1e-6a4d-4e0f-9b7a-2d5c8e1f0a93")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (BookingController.invalidKey(idempotencyKey)) {
            return BookingController.badKey();
        }
        return walkIns.book(new WalkInCommand(Actors.of(caller), request.roomTypeId(), request.checkIn(), request.checkOut(), request.guests(),
                        request.guest().details(), Optional.ofNullable(request.roomNumber()), Optional.ofNullable(idempotencyKey)))
                .fold(booking -> ResponseEntity.created(URI.create("/api/v1/bookings/" + booking.id())).body(BookingJson.of(booking)),
                        Refusals::toProblem);
    }

    @Operation(summary = "Take a booking's payment at the desk: cash or the desk's card terminal", description = """
            The whole total, recorded as taken: no card processor is called. The booking becomes CONFIRMED. Audited with the \
            staff member and the method; the confirmation and receipt are emailed only if the booking has an address. A booking \
            already paid (or no longer awaiting payment): 409. Its refund, if it is cancelled, is given back at the desk.""")
    @ApiResponse(responseCode = "201", description = "Paid: the booking is CONFIRMED", content = @Content(schema = @Schema(implementation = PaymentJson.class)))
    @PostMapping("/bookings/{id}/payments")
    ResponseEntity<?> takePayment(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id,
            @Valid @RequestBody DeskPaymentRequest request) {
        return deskPayments.takePayment(Actors.of(caller), id, PaymentMethod.valueOf(request.method().name()))
                .fold(payment -> ResponseEntity.created(URI.create("/api/v1/bookings/" + id + "/payments/" + payment.id())).body(PaymentJson.of(payment)),
                        Refusals::toProblem);
    }

    @Operation(summary = "Find bookings by reference (exact), or the start of the guest's email or name; newest first")
    @ApiResponse(responseCode = "200", description = "A page of bookings", content = @Content(schema = @Schema(implementation = PageJson.class)))
    @GetMapping("/bookings")
    ResponseEntity<?> search(@AuthenticationPrincipal AccessTokenClaims caller,
            @Parameter(description = "A reference (WB-7K2M9Q, any case), or the start of an email address, a first or last name, or "
                    + "\"first last\"; 1 to 100 characters", example = "holm") @RequestParam(required = false) String query,
            @RequestParam(defaultValue = "0") int page, @Parameter(description = "1 to 100") @RequestParam(defaultValue = "20") int size) {
        return search.search(Actors.of(caller), query, page, size).fold(found -> ResponseEntity.ok(new PageJson<>(
                found.items().stream().map(BookingJson::of).toList(), found.page(), found.size(), found.totalItems())), Refusals::toProblem);
    }

    @Operation(summary = "The tape chart: every room, day by day, with its stays and closures")
    @ApiResponse(responseCode = "200", description = "The rooms by number", content = @Content(schema = @Schema(implementation = TapeChartJson.class)))
    @GetMapping("/tape-chart")
    ResponseEntity<?> tapeChart(@AuthenticationPrincipal AccessTokenClaims caller,
            @Parameter(description = "The first day shown; today at the motel if left out") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @Parameter(description = "How many days: 14 to 31") @RequestParam(defaultValue = "14") int days) {
        return tapeChart.tapeChart(Actors.of(caller), Optional.ofNullable(from), days).fold(chart -> ResponseEntity.ok(new TapeChartJson(chart.from(),
                chart.days(), chart.rooms().stream().map(room -> new RoomLineJson(room.roomId(), room.number(), room.roomType(),
                        room.housekeeping().name(), room.inService(),
                        room.stays().stream().map(StayJson::of).toList(), room.closures().stream().map(ClosureJson::of).toList())).toList())),
                Refusals::toProblem);
    }

    @Operation(summary = "The rooms a booking can move to: its type's other rooms, free for its whole stay")
    @ApiResponse(responseCode = "200", description = "By number; move with POST /api/v1/admin/bookings/{id}/move",
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = RoomOptionJson.class))))
    @GetMapping("/bookings/{id}/move-options")
    ResponseEntity<?> moveOptions(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id) {
        return tapeChart.moveOptions(Actors.of(caller), id).fold(options -> ResponseEntity.ok(options.stream().map(RoomOptionJson::of).toList()),
                Refusals::toProblem);
    }
}
