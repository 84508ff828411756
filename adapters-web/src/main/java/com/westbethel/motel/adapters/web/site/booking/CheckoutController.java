package com.westbethel.motel.adapters.web.site.booking;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.BrowseRoomTypesUseCase;
import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.ExtendHoldUseCase;
import com.westbethel.motel.application.booking.port.in.ManageLinkUseCase;
import com.westbethel.motel.application.booking.port.in.ManageLinkUseCase.ManageLink;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PayForBookingCommand;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentStatus;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase.BookingDetails;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.inventory.Property;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A held booking on its way to being paid, one thing per page: {@code /bookings/{id}/review} (the stay, the price night by
 * night, the policy, and the hold's time with "Extend hold"), {@code /bookings/{id}/pay} (the card), and
 * {@code /bookings/{id}/confirmation} (the reference, what was paid, the manage link), and, while a payment's outcome is not
 * known yet (a second submit of the card form, a processor that did not answer in time), {@code /bookings/{id}/processing},
 * which refreshes itself until the outcome is recorded. Only the booking's holder (this web session, for a guest without an
 * account) or its account sees these pages; anyone else gets the 404 page.
 */
@Controller
class CheckoutController {

    /** How often the processing page asks again. */
    private static final int PROCESSING_REFRESH_SECONDS = 3;

    /** The last time zone on Earth to end a day (and a month). */
    private static final ZoneOffset LAST_TIME_ZONE = ZoneOffset.ofHours(-12);

    private final ViewBookingsUseCase bookings;
    private final ExtendHoldUseCase extend;
    private final PayForBookingUseCase pay;
    private final ManageLinkUseCase manageLinks;
    private final BrowseRoomTypesUseCase motel;
    private final Clock clock;

    CheckoutController(ViewBookingsUseCase bookings, ExtendHoldUseCase extend, PayForBookingUseCase pay, ManageLinkUseCase manageLinks,
            BrowseRoomTypesUseCase motel, Clock clock) {
        this.bookings = bookings;
        this.extend = extend;
        this.pay = pay;
        this.manageLinks = manageLinks;
        this.motel = motel;
        this.clock = clock;
    }

    @GetMapping("/bookings/{id}/review")
    String review(@PathVariable UUID id, @AuthenticationPrincipal AccessTokenClaims caller, HttpServletRequest request, Model model) {
        Visit visit = visit(id, caller, request);
        if (paid(visit.booking())) {
            return "redirect:/bookings/" + id + "/confirmation";
        }
        // An unpaid hold, running or ended (the page says which).
        visit.show(model, clock);
        return "site/booking/review";
    }

    /** Works without JavaScript; refused clearly (409, on the page it came from) once the cap is reached or the hold has ended. */
    @PostMapping("/bookings/{id}/extend")
    String extend(@PathVariable UUID id, @RequestParam(defaultValue = "review") String from, @AuthenticationPrincipal AccessTokenClaims caller,
            HttpServletRequest request, HttpServletResponse response, Model model, RedirectAttributes flash) {
        Visit visit = visit(id, caller, request);
        String page = "pay".equals(from) ? "pay" : "review";
        Outcome<BookingView> extended = extend.extend(visit.actor(), id);
        if (extended instanceof Outcome.Success<BookingView> longer) {
            flash.addFlashAttribute("notice", "Your room is now held until %s."
                    .formatted(HoldView.of(longer.value(), visit.property(), clock).heldUntil()));
            return "redirect:/bookings/" + id + "/" + page;
        }
        Refusal refusal = ((Outcome.Refused<BookingView>) extended).refusal();
        if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        response.setStatus(HttpStatus.CONFLICT.value());
        model.addAttribute("holdProblem", refusal.reason());
        visit.show(model, clock);
        if ("pay".equals(page)) {
            model.addAttribute("form", new CardForm());
            return newCardForm(model, visit);
        }
        return "site/booking/review";
    }

    @GetMapping("/bookings/{id}/pay")
    String payPage(@PathVariable UUID id, @AuthenticationPrincipal AccessTokenClaims caller, HttpServletRequest request, Model model) {
        Visit visit = visit(id, caller, request);
        HoldView hold = HoldView.of(visit.details(), visit.property(), clock);
        if (hold.paymentPending()) {
            return "redirect:/bookings/" + id + "/processing";
        }
        if (!hold.running()) {
            return "redirect:/bookings/" + id + "/review";
        }
        visit.show(model, clock);
        model.addAttribute("form", new CardForm());
        return newCardForm(model, visit);
    }

    /**
     * A payment whose outcome is not known yet: no card form (a second payment would wait on the first anyway), a page that
     * asks again every few seconds (a meta refresh, no script) and lands on the confirmation, or back on the card form with
     * the decline, once the outcome is recorded.
     */
    @GetMapping("/bookings/{id}/processing")
    String processing(@PathVariable UUID id, @AuthenticationPrincipal AccessTokenClaims caller, HttpServletRequest request, Model model,
            RedirectAttributes flash) {
        Visit visit = visit(id, caller, request);
        if (paid(visit.booking())) {
            return "redirect:/bookings/" + id + "/confirmation";
        }
        if (HoldView.of(visit.details(), visit.property(), clock).paymentPending()) {
            return processingPage(model, visit);
        }
        visit.details().payments().stream().reduce((first, second) -> second).filter(last -> last.status() == PaymentStatus.DECLINED)
                .ifPresent(declined -> flash.addFlashAttribute("payProblem", "Your card was declined: %s Nothing was charged; try another card."
                        .formatted(sentence(declined.declineReason().orElse("")))));
        return "redirect:/bookings/" + id + "/pay";
    }

    @PostMapping("/bookings/{id}/pay")
    String pay(@PathVariable UUID id, @ModelAttribute("form") CardForm form, BindingResult errors, @AuthenticationPrincipal AccessTokenClaims caller,
            HttpServletRequest request, HttpServletResponse response, Model model) {
        Visit visit = visit(id, caller, request);
        // A card is good through the last day of its month, wherever its holder is: refused as expired only once that
        // month has ended everywhere (UTC-12), not by the server's clock (in UTC, a month ends at 8 PM in Maine).
        Optional<String> token = form.token(YearMonth.now(clock.withZone(LAST_TIME_ZONE)), errors);
        if (token.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            visit.show(model, clock);
            return newCardForm(model, visit);
        }
        Optional<String> key = form.getIdempotencyKey().isEmpty() ? Optional.empty() : Optional.of(form.getIdempotencyKey());
        Outcome<PaymentView> paid = pay.pay(new PayForBookingCommand(visit.actor(), id, token.get(), key, Channel.WEB));
        if (paid instanceof Outcome.Success<PaymentView> payment && payment.value().status() == PaymentStatus.SUCCEEDED) {
            return "redirect:/bookings/" + id + "/confirmation";
        }
        Refusal refusal = paid instanceof Outcome.Refused<PaymentView> refused ? refused.refusal()
                : new Refusal(Refusal.Kind.PAYMENT_DECLINED, "paymentToken", ((Outcome.Success<PaymentView>) paid).value().declineReason().orElse(""));
        if (refusal.kind() == Refusal.Kind.NOT_FOUND) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Visit now = visit(id, caller, request);
        if (refusal.kind() == Refusal.Kind.PAYMENT_PENDING) {
            // The first submit is still being charged, or the processor did not answer in time: the outcome will follow.
            response.setStatus(HttpStatus.SERVICE_UNAVAILABLE.value());
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(PROCESSING_REFRESH_SECONDS));
            return processingPage(model, now);
        }
        if (refusal.kind() == Refusal.Kind.PAYMENT_DECLINED) {
            // The hold is kept: the guest may try another card while it runs.
            response.setStatus(HttpStatus.PAYMENT_REQUIRED.value());
            errors.rejectValue("cardNumber", "declined", "Your card was declined: %s Nothing was charged, and your room is still held until %s. Try another card."
                    .formatted(sentence(refusal.reason()), HoldView.of(now.booking(), now.property(), clock).heldUntil()));
        } else {
            // The hold ended meanwhile, or the booking was paid or cancelled elsewhere: said above the form, which may be gone.
            response.setStatus(HttpStatus.CONFLICT.value());
            model.addAttribute("payProblem", refusal.reason());
        }
        now.show(model, clock);
        return newCardForm(model, now);
    }

    @GetMapping("/bookings/{id}/confirmation")
    String confirmation(@PathVariable UUID id, @AuthenticationPrincipal AccessTokenClaims caller, HttpServletRequest request, Model model,
            HttpServletResponse response) {
        Visit visit = visit(id, caller, request);
        if (!paid(visit.booking())) {
            return "redirect:/bookings/" + id + "/review";
        }
        visit.show(model, clock);
        visit.details().payments().stream().filter(payment -> payment.status() == PaymentStatus.SUCCEEDED).findFirst()
                .ifPresent(payment -> model.addAttribute("paid", SiteFormat.money(payment.amount()) + " on "
                        + SiteFormat.date(ZonedDateTime.ofInstant(payment.createdAt(), visit.property().timeZone()).toLocalDate())));
        Outcome<ManageLink> link = manageLinks.issue(visit.actor(), id);
        if (link instanceof Outcome.Success<ManageLink> issued) {
            model.addAttribute("manageUrl", issued.value().url());
            // The page carries a link that opens the booking: kept by no cache, sent on to no other site.
            response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
            response.setHeader("Referrer-Policy", "no-referrer");
        }
        return "site/booking/confirmation";
    }

    private String processingPage(Model model, Visit visit) {
        visit.show(model, clock);
        model.addAttribute("refreshSeconds", PROCESSING_REFRESH_SECONDS);
        model.addAttribute("refreshUrl", "/bookings/" + visit.booking().id() + "/processing");
        return "site/booking/processing";
    }

    private String newCardForm(Model model, Visit visit) {
        CardForm form = (CardForm) model.getAttribute("form");
        form.setIdempotencyKey(UUID.randomUUID().toString());
        model.addAttribute("payLabel", "Pay " + SiteFormat.money(visit.booking().total()));
        return "site/booking/pay";
    }

    /** The booking and what the pages say around it, for the caller who may see it; a 404 page for anyone else. */
    private Visit visit(UUID id, AccessTokenClaims caller, HttpServletRequest request) {
        Actor actor = HeldBookings.actorFor(id, caller, request).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Outcome<BookingDetails> found = bookings.details(actor, id);
        if (!(found instanceof Outcome.Success<BookingDetails> details)) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Property property = StayView.property(motel);
        return new Visit(actor, details.value(), property, StayView.roomTypeName(motel, details.value().booking()));
    }

    /** Paid, and so past the checkout pages: confirmed, or already stayed. */
    private static boolean paid(BookingView booking) {
        return booking.status() == BookingStatus.CONFIRMED || booking.status() == BookingStatus.CHECKED_IN
                || booking.status() == BookingStatus.CHECKED_OUT;
    }

    private static String sentence(String reason) {
        String trimmed = reason.strip();
        return trimmed.isEmpty() ? "the bank gave no reason." : trimmed.endsWith(".") ? trimmed : trimmed + ".";
    }

    /** A booking being looked at: who asks, what it is, where. */
    record Visit(Actor actor, BookingDetails details, Property property, String roomType) {

        BookingView booking() {
            return details.booking();
        }

        void show(Model model, Clock clock) {
            model.addAttribute("stay", StayView.of(booking(), roomType, property, clock));
            model.addAttribute("hold", HoldView.of(details, property, clock));
        }
    }
}
