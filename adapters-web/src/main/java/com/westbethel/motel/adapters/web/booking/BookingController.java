package com.westbethel.motel.adapters.web.booking;

import static com.westbethel.motel.adapters.web.problem.Problems.problem;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase.BookRoomCommand;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase.GuestDetails;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.BrowseRoomTypesUseCase;
import com.westbethel.motel.application.booking.port.in.CancelBookingUseCase;
import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.ExtendHoldUseCase;
import com.westbethel.motel.application.booking.port.in.ManageLinkUseCase;
import com.westbethel.motel.application.booking.port.in.ManageLinkUseCase.ManageLink;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PayForBookingCommand;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentStatus;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase;
import com.westbethel.motel.application.booking.port.in.SearchAvailabilityUseCase;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase;
import com.westbethel.motel.application.booking.port.in.ViewLoyaltyUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.domain.booking.CancellationQuote;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.ExampleObject;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
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
 * /api/v1: what the motel offers, what is free, and a guest's bookings, payments and points. A guest without an account
 * books with their details instead of a bearer (guest checkout) and gets the booking's manage token, which they send as the
 * {@code Booking-Token} header to see, pay, extend and cancel that one booking. Never in a URL: servers and proxies log those.
 */
@RestController
@RequestMapping("/api/v1")
class BookingController {

    /**
     * The public catalogue is the same for everyone, so browsers and shared caches may keep it: room types change when an
     * admin edits them (an hour's delay is acceptable), availability with every booking (30 s: a search a moment old, while
     * booking itself is always decided by the database). Both carry a weak ETag over their body
     * ({@code EdgeConfiguration.publicAnswersEtag}), so a revalidation that finds nothing new costs a 304 without a body.
     * Personal answers keep Spring Security's {@code no-store}.
     */
    private static final CacheControl ROOM_TYPES_CACHING = CacheControl.maxAge(Duration.ofHours(1)).cachePublic();
    private static final CacheControl AVAILABILITY_CACHING = CacheControl.maxAge(Duration.ofSeconds(30)).cachePublic();
    private static final String ETAG = "A weak validator of the body; send it back as If-None-Match";
    private static final String NOT_MODIFIED = "The answer held (If-None-Match) is still current: no body";

    private static final int MAX_KEY_LENGTH = 128;
    /** A version 4 (random) UUID in its canonical form, either case. */
    private static final Pattern RANDOM_UUID = Pattern.compile("(?i)[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
    static final String BOOKING_TOKEN = "Booking-Token";

    private static final String GUEST_CHECKOUT_EXAMPLE = """
            {"roomTypeId": "5e7b3e10-0000-4000-8000-0000000000a1", "checkIn": "2027-07-01", "checkOut": "2027-07-04", "guests": 2,
             "guest": {"firstName": "Mia", "lastName": "Holm", "email": "mia.holm@example.com", "phone": "+1 207 555 0100"}}""";
    private static final String ACCOUNT_BOOKING_EXAMPLE = """
            {"roomTypeId": "5e7b3e10-0000-4000-8000-0000000000a1", "checkIn": "2027-07-01", "checkOut": "2027-07-04", "guests": 2,
             "promoCode": "WELCOME10"}""";
    private static final String GUEST_CHECKOUT_ANSWER = """
            {"id": "0b8f6a52-5b8e-4d43-9a37-3c1f0f9a2e11", "reference": "WB-7K2M9Q", "status": "PENDING_PAYMENT", "guestId": null,
             "guest": {"firstName": "Mia", "lastName": "Holm", "email": "mia.holm@example.com", "phone": "+1 207 555 0100"},
             "roomTypeId": "5e7b3e10-0000-4000-8000-0000000000a1", "roomNumber": "104", "checkIn": "2027-07-01", "checkOut": "2027-07-04",
             "nights": 3, "guests": 2, "nightlyRates": [{"night": "2027-07-01", "rate": {"amount": "120.00", "currency": "USD"}},
             {"night": "2027-07-02", "rate": {"amount": "150.00", "currency": "USD"}}, {"night": "2027-07-03", "rate": {"amount": "150.00", "currency": "USD"}}],
             "subtotal": {"amount": "420.00", "currency": "USD"}, "discount": {"amount": "0.00", "currency": "USD"},
             "total": {"amount": "420.00", "currency": "USD"}, "promoCode": null, "holdExpiresAt": "2027-06-01T12:15:00Z",
             "holdExtensions": 0, "maxHoldExtensions": 2, "refunded": {"amount": "0.00", "currency": "USD"},
             "manageToken": "C4-KUluORKOaNzwfD5ouEQAAAAC1Bd8A.q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c",
             "manageUrl": "https://westbethelmotel.example/manage/C4-KUluORKOaNzwfD5ouEQAAAAC1Bd8A.q1w2e3r4t5y6u7i8o9p0a1s2d3f4g5h6j7k8l9z0x1c"}""";

    private final BrowseRoomTypesUseCase roomTypes;
    private final SearchAvailabilityUseCase availability;
    private final BookRoomUseCase book;
    private final ViewBookingsUseCase view;
    private final CancelBookingUseCase cancel;
    private final PayForBookingUseCase pay;
    private final ViewLoyaltyUseCase loyalty;
    private final ExtendHoldUseCase extendHold;
    private final ManageLinkUseCase manageLinks;

    BookingController(BrowseRoomTypesUseCase roomTypes, SearchAvailabilityUseCase availability, BookRoomUseCase book, ViewBookingsUseCase view,
            CancelBookingUseCase cancel, PayForBookingUseCase pay, ViewLoyaltyUseCase loyalty, ExtendHoldUseCase extendHold,
            ManageLinkUseCase manageLinks) {
        this.roomTypes = roomTypes;
        this.availability = availability;
        this.book = book;
        this.view = view;
        this.cancel = cancel;
        this.pay = pay;
        this.loyalty = loyalty;
        this.extendHold = extendHold;
        this.manageLinks = manageLinks;
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

    /** @param guest required without a bearer token (guest checkout); with one, the booking names the account's holder unless given */
    record BookRequest(@NotNull @Schema(example = "5e7b3e10-0000-4000-8000-0000000000a1") UUID roomTypeId,
            @NotNull @Schema(example = "2027-07-01") LocalDate checkIn, @NotNull @Schema(example = "2027-07-04") LocalDate checkOut,
            @NotNull @Min(1) @Max(20) @Schema(example = "2") Integer guests,
            @Size(max = 32) @Schema(example = "WELCOME10") String promoCode,
            @Valid @Schema(description = "Who the booking is for. Required without a bearer token (guest checkout); with one, the "
                    + "account's own name and email unless given") GuestJson guest) {
    }

    record GuestJson(@Size(max = 100) @Schema(example = "Mia") String firstName, @Size(max = 100) @Schema(example = "Holm") String lastName,
            @Size(max = 254) @Schema(example = "mia.holm@example.com") String email,
            @Size(max = 32) @Schema(example = "+1 207 555 0100", description = "Optional") String phone) {

        GuestDetails details() {
            return new GuestDetails(firstName, lastName, email, Optional.ofNullable(phone));
        }
    }

    /**
     * @param freeUntil the free-cancellation deadline: cancelling before it refunds everything paid
     */
    record CancellationQuoteJson(MoneyJson paid, @Schema(description = "What cancelling now gives back") MoneyJson refund,
            @Schema(description = "What the motel keeps") MoneyJson kept, @Schema(description = "Whether cancelling now costs nothing") boolean free,
            @Schema(example = "2027-06-29T19:00:00Z") Instant freeUntil) {

        static CancellationQuoteJson of(CancellationQuote quote) {
            return new CancellationQuoteJson(MoneyJson.of(quote.paid()), MoneyJson.of(quote.refund()), MoneyJson.of(quote.kept()), quote.free(),
                    quote.freeUntil());
        }
    }

    record PayRequest(@NotBlank @Size(max = 64) @Schema(example = "tok_visa") String paymentToken) {
    }

    record PaymentJson(UUID id, UUID bookingId, String status, MoneyJson amount, String declineReason,
            @Schema(description = "CARD through the card processor; CASH or CARD_PRESENT (the desk's own terminal) at the front desk",
                    allowableValues = {"CARD", "CASH", "CARD_PRESENT"}) String method) {

        static PaymentJson of(PaymentView payment) {
            return new PaymentJson(payment.id(), payment.bookingId(), payment.status().name(), MoneyJson.of(payment.amount()),
                    payment.declineReason().orElse(null), payment.method().name());
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
    @Parameter(name = HttpHeaders.IF_NONE_MATCH, in = ParameterIn.HEADER, description = "The ETag of an answer already held: 304 if it is still current",
            schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "The motel's room types; public, cacheable for an hour",
            headers = {@Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = "string")),
                    @Header(name = HttpHeaders.CACHE_CONTROL, description = "public, max-age=3600", schema = @Schema(type = "string"))},
            content = @Content(array = @ArraySchema(schema = @Schema(implementation = RoomTypeJson.class))))
    @ApiResponse(responseCode = "304", description = NOT_MODIFIED, headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = "string")),
            content = @Content)
    @GetMapping("/room-types")
    ResponseEntity<List<RoomTypeJson>> roomTypes() {
        return ResponseEntity.ok().cacheControl(ROOM_TYPES_CACHING).body(roomTypes.roomTypes().stream()
                .map(type -> new RoomTypeJson(type.id().value(), type.name(), type.description(), type.maxOccupancy(),
                        MoneyJson.of(type.baseRate()), type.amenities()))
                .toList());
    }

    @Operation(summary = "What is free for a stay, priced night by night", tags = "Availability")
    @Parameter(name = HttpHeaders.IF_NONE_MATCH, in = ParameterIn.HEADER, description = "The ETag of an answer already held: 304 if it is still current",
            schema = @Schema(type = "string"))
    @ApiResponse(responseCode = "200", description = "The room types free for the whole stay; public, cacheable for 30 seconds",
            headers = {@Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = "string")),
                    @Header(name = HttpHeaders.CACHE_CONTROL, description = "public, max-age=30", schema = @Schema(type = "string"))},
            content = @Content(schema = @Schema(implementation = AvailabilityJson.class)))
    @ApiResponse(responseCode = "304", description = NOT_MODIFIED, headers = @Header(name = HttpHeaders.ETAG, description = ETAG, schema = @Schema(type = "string")),
            content = @Content)
    @GetMapping("/availability")
    ResponseEntity<?> availability(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkIn,
            @RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate checkOut,
            @RequestParam(defaultValue = "1") @Min(1) @Max(20) int guests) {
        return availability.search(checkIn, checkOut, guests).fold(
                found -> ResponseEntity.ok().cacheControl(AVAILABILITY_CACHING).body(new AvailabilityJson(found.checkIn(), found.checkOut(),
                        found.nights(), found.roomTypes().stream()
                        .map(offer -> new OfferJson(offer.roomTypeId(), offer.name(), offer.maxOccupancy(), offer.availableRooms(),
                                MoneyJson.of(offer.total()), offer.minimumStay()))
                        .toList())),
                Refusals::toProblem);
    }

    @Operation(summary = "Book a room type for a stay (holds the room until paid), with an account or without one", tags = "Bookings",
            description = "With a bearer token the booking is the account's. Without one (guest checkout) the guest's details are "
                    + "required, the request counts against a tight per-address limit and the guest's cap of unpaid holds (by email), "
                    + "and the answer carries manageToken: send it as the Booking-Token header to see, pay, extend and cancel the booking. "
                    + "A retry with the same Idempotency-Key, email and request gets the booking and a manageToken again, so for guest "
                    + "checkout the key must be unguessable: a random UUID (version 4), or 400 invalid-idempotency-key. "
                    + "Neither a bearer nor guest details: 401.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @Content(schema = @Schema(implementation = BookRequest.class), examples = {
            @ExampleObject(name = "guest-checkout", summary = "Without an account: the guest's details", value = GUEST_CHECKOUT_EXAMPLE),
            @ExampleObject(name = "account", summary = "With a bearer token: the account's booking", value = ACCOUNT_BOOKING_EXAMPLE)}))
    @ApiResponse(responseCode = "201", description = "Held as PENDING_PAYMENT; without an account, with its manageToken and manageUrl",
            content = @Content(schema = @Schema(implementation = BookingJson.class),
                    examples = @ExampleObject(name = "guest-checkout", summary = "Booked without an account", value = GUEST_CHECKOUT_ANSWER)))
    @PostMapping("/bookings")
    ResponseEntity<?> book(@AuthenticationPrincipal AccessTokenClaims caller, @Valid @RequestBody BookRequest request,
            @Parameter(description = "Makes a retry safe: the same key and request get the first answer again. 1 to 128 characters "
                    + "with a bearer token; without one (guest checkout) a random UUID (version 4), since a retry under it gets the "
                    + "booking's manageToken", example = "3f2b8c1e-6a4d-4e0f-9b7a-2d5c8e1f0a93")
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey) {
        if (invalidKey(idempotencyKey)) {
            return badKey();
        }
        if (caller == null && request.guest() == null) {
            return unauthenticated("Sign in (send 'Authorization: Bearer <token>' from /api/v1/auth/login), or book without an account by "
                    + "giving guest: {firstName, lastName, email, phone?}.");
        }
        // Without an account the key and the email are all a retry needs to get the booking's manageToken back, and a reused key
        // answers idempotency-key-reused: a key somebody could guess would tell them a booking exists, or hand it over.
        if (caller == null && idempotencyKey != null && !RANDOM_UUID.matcher(idempotencyKey).matches()) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "Invalid Idempotency-Key",
                    "Without an account the Idempotency-Key must be a random UUID (version 4), for example 3f2b8c1e-6a4d-4e0f-9b7a-2d5c8e1f0a93.");
        }
        Actor actor = caller == null ? Actor.anonymous() : Actors.of(caller);
        Outcome<BookingView> outcome = book.book(new BookRoomCommand(actor, request.roomTypeId(), request.checkIn(), request.checkOut(),
                request.guests(), Optional.ofNullable(request.promoCode()), Optional.ofNullable(idempotencyKey),
                Optional.ofNullable(request.guest()).map(GuestJson::details), Actors.channelOf(actor)));
        return outcome.fold(booking -> {
            BookingJson body = caller == null ? BookingJson.of(booking, manageLink(booking.id())) : BookingJson.of(booking);
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

    @Operation(summary = "One booking (its owner or its Booking-Token, or staff)", tags = "Bookings")
    @ApiResponse(responseCode = "200", description = "The booking", content = @Content(schema = @Schema(implementation = BookingJson.class)))
    @GetMapping("/bookings/{id}")
    ResponseEntity<?> booking(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id,
            @Parameter(hidden = true) @RequestHeader(name = BOOKING_TOKEN, required = false) String bookingToken) {
        return asCaller(caller, bookingToken, actor -> bookingResponse(view.booking(actor, id), HttpStatus.OK));
    }

    @Operation(summary = "Cancel under the cancellation policy (its owner or its Booking-Token, or staff)", tags = "Bookings")
    @ApiResponse(responseCode = "200", description = "Cancelled, with what was refunded", content = @Content(schema = @Schema(implementation = BookingJson.class)))
    @PostMapping("/bookings/{id}/cancel")
    ResponseEntity<?> cancel(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id,
            @Parameter(hidden = true) @RequestHeader(name = BOOKING_TOKEN, required = false) String bookingToken) {
        return asCaller(caller, bookingToken, actor -> bookingResponse(cancel.cancel(actor, id, Actors.channelOf(actor)), HttpStatus.OK));
    }

    @Operation(summary = "What cancelling now would refund, changing nothing (its owner or its Booking-Token, or staff)", tags = "Bookings")
    @ApiResponse(responseCode = "200", description = "The refund cancelling now would give, and the free-cancellation deadline",
            content = @Content(schema = @Schema(implementation = CancellationQuoteJson.class)))
    @GetMapping("/bookings/{id}/cancellation-quote")
    ResponseEntity<?> cancellationQuote(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id,
            @Parameter(hidden = true) @RequestHeader(name = BOOKING_TOKEN, required = false) String bookingToken) {
        return asCaller(caller, bookingToken, actor -> cancel.quote(actor, id)
                .fold(quote -> ResponseEntity.ok(CancellationQuoteJson.of(quote)), Refusals::toProblem));
    }

    @Operation(summary = "More time to pay: the unpaid hold runs another hold duration from now, a limited number of times "
            + "(its owner or its Booking-Token)", tags = "Bookings", description = """
            Taken only in the hold's last minutes: when at most `motel.booking.hold-extension-window` (default 5 minutes) of \
            it is left. Earlier, or once `maxHoldExtensions` extensions were taken, or after the hold ended, the answer is a 409 \
            conflict that says why and until when the hold runs (e.g. "You can extend the hold in its last 5 minutes; it runs \
            until 2:35 PM EDT."), and nothing is counted: a double click cannot use up an extension without adding time.""")
    @ApiResponse(responseCode = "200", description = "The hold, extended: see holdExpiresAt and holdExtensions",
            content = @Content(schema = @Schema(implementation = BookingJson.class)))
    @PostMapping("/bookings/{id}/extend-hold")
    ResponseEntity<?> extendHold(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id,
            @Parameter(hidden = true) @RequestHeader(name = BOOKING_TOKEN, required = false) String bookingToken) {
        return asCaller(caller, bookingToken, actor -> bookingResponse(extendHold.extend(actor, id), HttpStatus.OK));
    }

    @Operation(summary = "Pay for a booking (its owner or its Booking-Token)", tags = "Bookings")
    @ApiResponse(responseCode = "201", description = "Paid: the booking is CONFIRMED", content = @Content(schema = @Schema(implementation = PaymentJson.class)))
    @PostMapping("/bookings/{id}/payments")
    ResponseEntity<?> pay(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @Valid @RequestBody PayRequest request,
            @RequestHeader(name = "Idempotency-Key", required = false) String idempotencyKey,
            @Parameter(hidden = true) @RequestHeader(name = BOOKING_TOKEN, required = false) String bookingToken) {
        if (invalidKey(idempotencyKey)) {
            return badKey();
        }
        return asCaller(caller, bookingToken, actor -> pay(actor, id, request, idempotencyKey));
    }

    private ResponseEntity<?> pay(Actor actor, UUID id, PayRequest request, String idempotencyKey) {
        Outcome<PaymentView> outcome = pay.pay(new PayForBookingCommand(actor, id, request.paymentToken(), Optional.ofNullable(idempotencyKey),
                Actors.channelOf(actor)));
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

    /**
     * The caller of a booking's own operation: their account (bearer), or the holder of the booking whose Booking-Token they
     * send. Neither: 401 like the filter chain's; a token that is forged, altered or expired: 401 invalid-booking-token.
     */
    private ResponseEntity<?> asCaller(AccessTokenClaims caller, String bookingToken, Function<Actor, ResponseEntity<?>> action) {
        if (caller != null) {
            return action.apply(Actors.of(caller));
        }
        if (bookingToken == null || bookingToken.isBlank()) {
            return unauthenticated("Send 'Authorization: Bearer <token>' from /api/v1/auth/login, or the booking's 'Booking-Token' "
                    + "(given when it was booked without an account, and in its emails' manage link).");
        }
        return manageLinks.open(bookingToken).<ResponseEntity<?>>map(action).orElseGet(() -> problem(HttpStatus.UNAUTHORIZED,
                "invalid-booking-token", "Invalid booking token", "This Booking-Token is not valid or has expired. Use the link in the "
                        + "booking's confirmation email, or sign in."));
    }

    /** 401 in the filter chain's own shape (type about:blank, WWW-Authenticate: Bearer). */
    private static ResponseEntity<ProblemDetail> unauthenticated(String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED, detail);
        return ResponseEntity.status(HttpStatus.UNAUTHORIZED).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").body(problem);
    }

    /** The link that manages a booking just made without an account: its holder always sees it. */
    private ManageLink manageLink(UUID bookingId) {
        return manageLinks.issue(Actor.holderOf(bookingId), bookingId).fold(link -> link, refused -> {
            throw new IllegalStateException("the holder of booking " + bookingId + " was refused its manage link: " + refused.reason());
        });
    }

    private static ResponseEntity<?> bookingResponse(Outcome<BookingView> outcome, HttpStatus status) {
        return outcome.fold(booking -> ResponseEntity.status(status).body(BookingJson.of(booking)), Refusals::toProblem);
    }

    /** An Idempotency-Key header sent blank or too long ({@link #badKey} is the answer to it). */
    static boolean invalidKey(String idempotencyKey) {
        return idempotencyKey != null && (idempotencyKey.isBlank() || idempotencyKey.length() > MAX_KEY_LENGTH);
    }

    static ResponseEntity<?> badKey() {
        return problem(HttpStatus.BAD_REQUEST, "invalid-idempotency-key", "Invalid Idempotency-Key",
                "The Idempotency-Key header must be 1 to " + MAX_KEY_LENGTH + " characters, for example a UUID.");
    }
}
