package com.westbethel.motel.adapters.web.site.booking;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.BrowseRoomTypesUseCase;
import com.westbethel.motel.application.booking.port.in.CancelBookingUseCase;
import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.ManageLinkUseCase;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase.BookingDetails;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase.CalendarFile;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.booking.CancellationQuote;
import com.westbethel.motel.domain.inventory.Property;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.UUID;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Managing one booking: from the signed link of the confirmation email and page ({@code /manage/{token}}, no account
 * needed) or, for its account, from my bookings ({@code /account/bookings/{id}}). Both show the booking with its payments
 * and refunds, its calendar entry ({@code .../booking.ics}), and Cancel: a page with the refund the policy gives now,
 * then the confirming POST. A link that is expired or not genuine gets a page saying so (404), never the booking; pages
 * reached by a token in the address are neither cached nor sent on as a referrer.
 */
@Controller
class ManageBookingController {

    private final ManageLinkUseCase links;
    private final ViewBookingsUseCase bookings;
    private final CancelBookingUseCase cancel;
    private final BrowseRoomTypesUseCase motel;
    private final Clock clock;

    ManageBookingController(ManageLinkUseCase links, ViewBookingsUseCase bookings, CancelBookingUseCase cancel, BrowseRoomTypesUseCase motel,
            Clock clock) {
        this.links = links;
        this.bookings = bookings;
        this.cancel = cancel;
        this.motel = motel;
        this.clock = clock;
    }

    // From the emailed link

    @GetMapping("/manage/{token}")
    String manageByLink(@PathVariable String token, HttpServletRequest request, HttpServletResponse response, Model model) {
        Managed managed = byLink(token, response);
        if (managed == null) {
            return invalidLink(response);
        }
        BookingDetails details = managed.booking(bookings);
        if (details.booking().status() == BookingStatus.PENDING_PAYMENT) {
            // The link proves the holder: this session may pay for the hold too (the checkout pages ask the session).
            HeldBookings.remember(request, managed.bookingId());
        }
        return show(managed, details, model);
    }

    @GetMapping("/manage/{token}/cancel")
    String cancelByLinkPage(@PathVariable String token, HttpServletResponse response, Model model) {
        Managed managed = byLink(token, response);
        return managed == null ? invalidLink(response) : quote(managed, model, response);
    }

    @PostMapping("/manage/{token}/cancel")
    String cancelByLink(@PathVariable String token, @RequestParam(required = false) String expectedRefund, HttpServletResponse response,
            Model model) {
        Managed managed = byLink(token, response);
        return managed == null ? invalidLink(response) : cancel(managed, expectedRefund, model, response);
    }

    @GetMapping("/manage/{token}/booking.ics")
    ResponseEntity<?> calendarByLink(@PathVariable String token, HttpServletResponse response) {
        Managed managed = byLink(token, response);
        if (managed == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return calendar(managed);
    }

    // From my bookings

    @GetMapping("/account/bookings/{id}")
    String manageOwn(@PathVariable UUID id, @AuthenticationPrincipal AccessTokenClaims caller, Model model) {
        Managed managed = own(id, caller);
        return show(managed, managed.booking(bookings), model);
    }

    @GetMapping("/account/bookings/{id}/cancel")
    String cancelOwnPage(@PathVariable UUID id, @AuthenticationPrincipal AccessTokenClaims caller, HttpServletResponse response, Model model) {
        return quote(own(id, caller), model, response);
    }

    @PostMapping("/account/bookings/{id}/cancel")
    String cancelOwn(@PathVariable UUID id, @RequestParam(required = false) String expectedRefund, @AuthenticationPrincipal AccessTokenClaims caller,
            HttpServletResponse response, Model model) {
        return cancel(own(id, caller), expectedRefund, model, response);
    }

    @GetMapping("/account/bookings/{id}/booking.ics")
    ResponseEntity<?> calendarOwn(@PathVariable UUID id, @AuthenticationPrincipal AccessTokenClaims caller) {
        return calendar(own(id, caller));
    }

    // The pages

    private String show(Managed managed, BookingDetails details, Model model) {
        describe(managed, details.booking(), model);
        model.addAttribute("payments", details.payments().stream().map(payment -> new Line(
                at(payment.createdAt()), switch (payment.status()) {
                    case SUCCEEDED -> "Paid";
                    case PENDING -> "Being processed";
                    case DECLINED -> "Declined: " + payment.declineReason().orElse("");
                    case REFUNDED -> "Charged after it was recorded as not completed, and refunded in full";
                },
                SiteFormat.money(payment.amount()))).toList());
        model.addAttribute("refunds", details.refunds().stream().map(refund -> new Line(at(refund.refundedAt()), "Refunded",
                SiteFormat.money(refund.amount()))).toList());
        model.addAttribute("cancellable", details.cancellation().isPresent());
        model.addAttribute("payable", details.booking().status() == BookingStatus.PENDING_PAYMENT
                && HoldView.of(details, managed.property(), clock).running());
        return "site/booking/manage";
    }

    private String quote(Managed managed, Model model, HttpServletResponse response) {
        BookingDetails details = managed.booking(bookings);
        describe(managed, details.booking(), model);
        Outcome<CancellationQuote> quote = cancel.quote(managed.actor(), managed.bookingId());
        if (quote instanceof Outcome.Refused<CancellationQuote> refused) {
            return refusedCancel(managed, details, refused.refusal(), model, response);
        }
        model.addAttribute("quote", QuoteView.of(((Outcome.Success<CancellationQuote>) quote).value(), managed.property()));
        return "site/booking/cancel";
    }

    /**
     * Cancels for the refund the guest confirmed ({@code expectedRefund}, as the cancel page showed it), whether they came
     * from the link or from their account. The refund is quoted again first: if it is no longer what was shown (the
     * free-cancellation time ended while the page was open), nothing is cancelled and the cancel page comes back (409)
     * with the new refund and why, to confirm again. The quote and the cancellation are two steps, so a deadline passing
     * in the milliseconds between them still cancels at the later refund: a race that small is accepted.
     */
    private String cancel(Managed managed, String expectedRefund, Model model, HttpServletResponse response) {
        Outcome<CancellationQuote> requoted = cancel.quote(managed.actor(), managed.bookingId());
        if (requoted instanceof Outcome.Refused<CancellationQuote> refused) {
            return refusedCancel(managed, managed.booking(bookings), refused.refusal(), model, response);
        }
        QuoteView now = QuoteView.of(((Outcome.Success<CancellationQuote>) requoted).value(), managed.property());
        if (!now.refund().equals(expectedRefund)) {
            response.setStatus(HttpStatus.CONFLICT.value());
            describe(managed, managed.booking(bookings).booking(), model);
            model.addAttribute("quote", now);
            model.addAttribute("problem", "The refund is now %s%s, not the %s shown. Nothing has been cancelled: confirm again to cancel for %s."
                    .formatted(now.refund(), now.free() ? "" : " because the free-cancellation time ended " + now.freeUntil(),
                            expectedRefund == null || expectedRefund.isBlank() ? "refund" : expectedRefund, now.refund()));
            return "site/booking/cancel";
        }
        Outcome<BookingView> cancelled = cancel.cancel(managed.actor(), managed.bookingId(), Channel.WEB);
        if (cancelled instanceof Outcome.Refused<BookingView> refused) {
            return refusedCancel(managed, managed.booking(bookings), refused.refusal(), model, response);
        }
        BookingView booking = ((Outcome.Success<BookingView>) cancelled).value();
        describe(managed, booking, model);
        model.addAttribute("refunded", SiteFormat.money(booking.refunded()));
        model.addAttribute("anythingRefunded", !booking.refunded().isZero());
        return "site/booking/cancelled";
    }

    /** The booking's page again, saying why it cannot be cancelled (409). */
    private String refusedCancel(Managed managed, BookingDetails details, Refusal refusal, Model model, HttpServletResponse response) {
        if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("problem", refusal.reason());
        return show(managed, details, model);
    }

    private ResponseEntity<?> calendar(Managed managed) {
        Outcome<CalendarFile> found = bookings.calendar(managed.actor(), managed.bookingId());
        if (!(found instanceof Outcome.Success<CalendarFile> file)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return ResponseEntity.ok()
                .contentType(MediaType.parseMediaType(file.value().contentType()).removeQualityValue())
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(file.value().fileName(), StandardCharsets.UTF_8)
                        .build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(file.value().content());
    }

    private void describe(Managed managed, BookingView booking, Model model) {
        model.addAttribute("stay", StayView.of(booking, StayView.roomTypeName(motel, booking), managed.property(), clock));
        model.addAttribute("base", managed.base());
    }

    private Managed byLink(String token, HttpServletResponse response) {
        // Whatever the answer: the token is in the address.
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        return links.open(token)
                .filter(actor -> actor.heldBooking().isPresent())
                .map(actor -> new Managed(actor, actor.heldBooking().get(), "/manage/" + token, property()))
                .orElse(null);
    }

    private Managed own(UUID id, AccessTokenClaims caller) {
        if (caller == null) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        return new Managed(Actor.guestAccount(caller.user()), id, "/account/bookings/" + id, property());
    }

    private String invalidLink(HttpServletResponse response) {
        response.setStatus(HttpStatus.NOT_FOUND.value());
        return "site/booking/link-invalid";
    }

    private Property property() {
        return StayView.property(motel);
    }

    private String at(Instant moment) {
        return SiteFormat.date(ZonedDateTime.ofInstant(moment, property().timeZone()).toLocalDate());
    }

    /** A booking managed from a link or from the account, and the address its pages live under. */
    record Managed(Actor actor, UUID bookingId, String base, Property property) {

        BookingDetails booking(ViewBookingsUseCase bookings) {
            Outcome<BookingDetails> found = bookings.details(actor, bookingId);
            if (found instanceof Outcome.Success<BookingDetails> details) {
                return details.value();
            }
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
    }

    /** A payment or a refund, as a row. */
    record Line(String date, String what, String amount) {
    }

    /** What cancelling now gives back, in words; {@code unpaid} when nothing was paid (a hold simply ends). */
    record QuoteView(String paid, String refund, String kept, boolean unpaid, boolean free, String freeUntil, String buttonLabel) {

        static QuoteView of(CancellationQuote terms, Property property) {
            return new QuoteView(SiteFormat.money(terms.paid()), SiteFormat.money(terms.refund()), SiteFormat.money(terms.kept()),
                    terms.paid().isZero(), terms.free(), SiteFormat.moment(ZonedDateTime.ofInstant(terms.freeUntil(), property.timeZone())),
                    terms.paid().isZero() ? "Cancel this booking" : "Cancel and refund " + SiteFormat.money(terms.refund()));
        }
    }
}
