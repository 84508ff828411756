package com.westbethel.motel.adapters.web.booking;

import static com.westbethel.motel.adapters.web.problem.Problems.problem;

import com.westbethel.motel.application.booking.port.in.BookRoomUseCase.BookRoomCommand;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.BrowseRoomTypesUseCase;
import com.westbethel.motel.application.booking.port.in.CancelBookingUseCase;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PayForBookingCommand;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentStatus;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase;
import com.westbethel.motel.application.booking.port.in.SearchAvailabilityUseCase;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase;
import com.westbethel.motel.application.booking.port.in.ViewLoyaltyUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
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

/** /api/v1: what the motel offers, what is free, and a guest's bookings, payments and points. */
@RestController
@RequestMapping("/api/v1")
class BookingController {

    private static final int MAX_KEY_LENGTH = 128;

    private final BrowseRoomTypesUseCase roomTypes;
    private final SearchAvailabilityUseCase availability;
    private final BookRoomUseCase book;
    private final ViewBookingsUseCase view;
    private final CancelBookingUseCase cancel;
    private final PayForBookingUseCase pay;
    private final ViewLoyaltyUseCase loyalty;

    BookingController(BrowseRoomTypesUseCase roomTypes, SearchAvailabilityUseCase availability, BookRoomUseCase book, ViewBookingsUseCase view,
            CancelBookingUseCase cancel, PayForBookingUseCase pay, ViewLoyaltyUseCase loyalty) {
        this.roomTypes = roomTypes;
        this.availability = availability;
        this.book = book;
        this.view = view;
        this.cancel = cancel;
        this.pay = pay;
        this.loyalty = loyalty;
    }

    record RoomTypeJson(UUID id, @Schema(example = "Loft") String name,
            @Schema(example = "Under the roof, with a skylight.") String description, int maxOccupancy, MoneyJson baseRate,
            List<String> amenities) {
    }

    record OfferJson(@Schema(example = "5e7b3e10-0000-4000-8000-0000000000a1") UUID roomTypeId,
            @Schema(example = "Loft") String name, int maxOccupancy, int availableRooms, MoneyJson total, int minimumStay) {
    }

    record AvailabilityJson(@Schema(example = "2027-07-01") LocalDate checkIn,
            @Schema(example = "2027-07-04") LocalDate checkOut, int nights, List<OfferJson> roomTypes) {
    }

    record BookRequest(@NotNull @Schema(example = "5e7b3e10-0000-4000-8000-0000000000a1") UUID roomTypeId,
            @NotNull @Schema(example = "2027-07-01") LocalDate checkIn, @NotNull @Schema(example = "2027-07-04") LocalDate checkOut,
            @NotNull @Min(1) @Max(20) @Schema(example = "2") Integer guests,
            @Size(max = 32) @Schema(example = "WELCOME10") String promoCode) {
    }

    record PayRequest(@NotBlank @Size(max = 64) @Schema(example = "tok_visa") String paymentToken) {
    }

    record PaymentJson(UUID id, UUID bookingId, String status, MoneyJson amount, String declineReason) {

        static PaymentJson of(PaymentView payment) {
            return new PaymentJson(payment.id(), payment.bookingId(), payment.status().name(), MoneyJson.of(payment.amount()),
                    payment.declineReason().orElse(null));
        }
    }

    record LoyaltyJson(long points, @Schema(example = "SILVER") String tier, long lifetimePoints, List<MovementJson> history) {
    }

    record MovementJson(@Schema(example = "EARNED") String kind, long points,
            @Schema(description = "The booking, or empty") String bookingId, @Schema(example = "2027-07-04T10:00:00Z") String occurredAt) {
    }

    record PageJson<T>(List<T> items, int page, int size, long totalItems) {
    }

    @Operation(summary = "What the motel offers", tags = "Availability")
    @GetMapping("/room-types")
    List<RoomTypeJson> roomTypes() {
        return roomTypes.roomTypes().stream()
                .map(type -> new RoomTypeJson(type.id().value(), type.name(), type.description(), type.maxOccupancy(),
                        MoneyJson.of(type.baseRate()), type.amenities()))
                .toList();
    }

    @Operation(summary = "What is free for a stay, priced night by night", tags = "Availability")
    @ApiResponse(responseCode = "200", description = "The room types free for the whole stay", content = @Content(schema = @Schema(implementation = AvailabilityJson.class)))
    @GetMapping("/availability")
    ResponseEntity<?> availability(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkIn,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkOut,
            @RequestParam(defaultValue = "1") @Min(1) @Max(20) int guests) {
        return availability.search(checkIn, checkOut, guests).fold(
                found -> ResponseEntity.ok(new AvailabilityJson(found.checkIn(), found.checkOut(), found.nights(), found.roomTypes().stream()
                        .map(offer -> new OfferJson(offer.roomTypeId(), offer.name(), offer.maxOccupancy(), offer.availableRooms(),
                                MoneyJson.of(offer.total()), offer.minimumStay()))
                        .toList())),
                Refusals::toProblem);
    }

    @Operation(summary = "Book a room type for a stay (holds the room until paid)", tags = "Bookings")
    @ApiResponse(responseCode = "201", description = "Held as PENDING_PAYMENT", content = @Content(schema = @Schema(implementation = BookingJson.class)))
    @PostMapping("/bookings")
    ResponseEntity<?> book(@AuthenticationPrincipal AccessTokenClaims caller, @Valid @RequestBody BookRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
            return badKey();
        }
        Outcome<BookingView> outcome = book.book(new BookRoomCommand(Actors.of(caller), request.roomTypeId(), request.checkIn(), request.checkOut(),
                request.guests(), Optional.ofNullable(request.promoCode()), Optional.ofNullable(idempotencyKey)));
        return outcome.fold(booking -> {
            BookingJson body = BookingJson.of(booking);
            return ResponseEntity.created(URI.create("/api/v1/bookings/" + body.id())).body(body);
        }, Refusals::toProblem);
    }

    @Operation(summary = "The caller's bookings (staff: all), a page at a time", tags = "Bookings")
    @GetMapping("/bookings")
    PageJson<BookingJson> bookings(@AuthenticationPrincipal AccessTokenClaims caller, @RequestParam(defaultValue = "0") @Min(0) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(ViewBookingsUseCase.MAX_PAGE_SIZE) int size) {
        var found = view.bookings(Actors.of(caller), page, size);
        return new PageJson<>(found.items().stream().map(BookingJson::of).toList(), found.page(), found.size(), found.totalItems());
    }

    @Operation(summary = "One booking (its owner, or staff)", tags = "Bookings")
    @ApiResponse(responseCode = "200", description = "The booking", content = @Content(schema = @Schema(implementation = BookingJson.class)))
    @GetMapping("/bookings/{id}")
    ResponseEntity<?> booking(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id) {
        return bookingResponse(view.booking(Actors.of(caller), id), HttpStatus.OK);
    }

    @Operation(summary = "Cancel under the cancellation policy", tags = "Bookings")
    @ApiResponse(responseCode = "200", description = "Cancelled, with what was refunded", content = @Content(schema = @Schema(implementation = BookingJson.class)))
    @PostMapping("/bookings/{id}/cancel")
    ResponseEntity<?> cancel(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id) {
        return bookingResponse(cancel.cancel(Actors.of(caller), id), HttpStatus.OK);
    }

    @Operation(summary = "Pay for a booking (the owner)", tags = "Bookings")
    @ApiResponse(responseCode = "201", description = "Paid: the booking is CONFIRMED", content = @Content(schema = @Schema(implementation = PaymentJson.class)))
    @PostMapping("/bookings/{id}/payments")
    ResponseEntity<?> pay(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @Valid @RequestBody PayRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH)) {
            return badKey();
        }
        Outcome<PaymentView> outcome = pay.pay(new PayForBookingCommand(Actors.of(caller), id, request.paymentToken(),
                Optional.ofNullable(idempotencyKey)));
        return outcome.fold(payment -> {
            if (payment.status() == PaymentStatus.DECLINED) {
                // A retry of a declined payment answers as the first time did.
                var declined = problem(HttpStatus.PAYMENT_REQUIRED, "payment-declined", "Payment declined", payment.declineReason().orElse(""));
                declined.getBody().setProperty("paymentId", payment.id());
                return declined;
            }
            return ResponseEntity.created(URI.create("/api/v1/bookings/" + id + "/payments/" + payment.id())).body(PaymentJson.of(payment));
        }, Refusals::toProblem);
    }

    @Operation(summary = "The caller's points, tier and history", tags = "Loyalty")
    @GetMapping("/users/me/loyalty")
    LoyaltyJson loyalty(@AuthenticationPrincipal AccessTokenClaims caller) {
        var account = loyalty.loyalty(caller.user());
        return new LoyaltyJson(account.points(), account.tier().name(), account.lifetimePoints(),
                account.history().stream().map(movement -> new MovementJson(movement.kind(), movement.points(),
                        movement.bookingId().map(UUID::toString).orElse(""), movement.occurredAt().toString())).toList());
    }

    private static ResponseEntity<?> bookingResponse(Outcome<BookingView> outcome, HttpStatus status) {
        return outcome.fold(booking -> ResponseEntity.status(status).body(BookingJson.of(booking)), Refusals::toProblem);
    }

    private static ResponseEntity<?> badKey() {
        return problem(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "Invalid Idempotency-Key",
                "The Idempotency-Key header must be 1 to " + MAX_KEY_LENGTH + " characters, for example a UUID.");
    }
}
