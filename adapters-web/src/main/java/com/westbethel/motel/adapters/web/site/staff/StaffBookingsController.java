package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.CancelBookingUseCase;
import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentMethod;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.SearchBookingsUseCase;
import com.westbethel.motel.application.booking.port.in.TakeDeskPaymentUseCase;
import com.westbethel.motel.application.booking.port.in.ViewBookingRecordUseCase;
import com.westbethel.motel.application.booking.port.in.ViewBookingRecordUseCase.BookingRecord;
import com.westbethel.motel.application.booking.port.in.BookingView.DeskRefund;
import com.westbethel.motel.application.booking.port.in.BrowseRoomTypesUseCase;
import com.westbethel.motel.application.booking.port.in.FrontDeskUseCase;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentStatus;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.booking.CancellationQuote;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
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
 * {@code /staff/bookings}: the booking search (a GET form: by reference, or the start of the guest's name or email, a page
 * at a time) and one booking's page: the stay, the guest, payments, refunds, emails sent and the audited history, with what
 * the desk can do next (take the payment, check in or out, cancel under the policy or with the fee waived for a reason).
 * Each change is a POST form answered with a redirect back to the booking and a line saying what was done, or why not.
 */
@Controller
class StaffBookingsController {

    static final String SEARCH = "staff/bookings";
    static final String DETAIL = "staff/booking";
    static final int PAGE_SIZE = 20;
    /** Far past any real search's last page, and small enough that no offset overflows. */
    static final int MAX_PAGE = 100_000;

    private final SearchBookingsUseCase search;
    private final ViewBookingRecordUseCase records;
    private final CancelBookingUseCase cancellations;
    private final TakeDeskPaymentUseCase deskPayments;
    private final FrontDeskUseCase frontDesk;
    private final BrowseRoomTypesUseCase motel;
    private final StaffLabels labels;
    private final Clock clock;

    StaffBookingsController(SearchBookingsUseCase search, ViewBookingRecordUseCase records, CancelBookingUseCase cancellations,
            TakeDeskPaymentUseCase deskPayments, FrontDeskUseCase frontDesk, BrowseRoomTypesUseCase motel, StaffLabels labels, Clock clock) {
        this.search = search;
        this.records = records;
        this.cancellations = cancellations;
        this.deskPayments = deskPayments;
        this.frontDesk = frontDesk;
        this.motel = motel;
        this.labels = labels;
        this.clock = clock;
    }

    @GetMapping("/staff/bookings")
    String search(@AuthenticationPrincipal AccessTokenClaims caller, @RequestParam(required = false) String query,
            @RequestParam(defaultValue = "0") String page, Model model, HttpServletResponse response) {
        model.addAttribute("query", query == null ? "" : query);
        if (query == null) {
            return SEARCH;
        }
        int pageNumber = pageNumber(page);
        search.search(StaffActors.of(caller), query, pageNumber, PAGE_SIZE).fold(found -> {
            model.addAttribute("results", found);
            model.addAttribute("lastPage", Math.max(0, (int) ((found.totalItems() - 1) / PAGE_SIZE)));
            return found;
        }, refusal -> {
            model.addAttribute("queryError", refusal.reason());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return refusal;
        });
        return SEARCH;
    }

    @GetMapping("/staff/bookings/{id}")
    String booking(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, Model model) {
        model.addAttribute("waiver", new WaiverForm());
        return detail(caller, id, model);
    }

    /**
     * Cancels under the policy for the refund the page showed ({@code expectedRefund}): the refund is quoted again first, and
     * when it changed (the free-cancellation time ended while the page was open) nothing is cancelled and the page says the
     * new refund, for the clerk to tell the guest and choose again (the policy's refund, or the fee waived).
     */
    @PostMapping("/staff/bookings/{id}/cancel")
    String cancel(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @RequestParam(required = false) String expectedRefund,
            RedirectAttributes flash) {
        Actor staff = StaffActors.of(caller);
        Outcome<CancellationQuote> requoted = cancellations.quote(staff, id);
        if (requoted instanceof Outcome.Refused<CancellationQuote> refused) {
            return notCancelled(staff, id, refused.refusal(), flash);
        }
        CancellationQuote now = ((Outcome.Success<CancellationQuote>) requoted).value();
        if (!now.refund().toString().equals(expectedRefund)) {
            flash.addFlashAttribute("problem", "The refund is now %s%s, not the amount the page showed. Nothing was cancelled: tell the guest, then choose again."
                    .formatted(now.refund(), now.free() ? "" : " (the free-cancellation time ended at %s)".formatted(labels.at(now.freeUntil(), zone()))));
            return detailPage(id);
        }
        return cancelled(staff, cancellations.cancel(staff, id, Channel.FRONT_DESK), "", id, flash);
    }

    @PostMapping("/staff/bookings/{id}/waive")
    String waive(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @ModelAttribute("waiver") WaiverForm waiver,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes flash) {
        Actor staff = StaffActors.of(caller);
        Outcome<BookingView> outcome = cancellations.cancelWaivingFee(staff, id, waiver.getReason());
        if (outcome instanceof Outcome.Refused<BookingView> refused && refused.refusal().kind() == Refusal.Kind.INVALID) {
            // The reason is missing or too long (the booking can still be cancelled, so its form is drawn): the page again,
            // the message beside the field, what was typed kept.
            errors.rejectValue("reason", "refused", refused.refusal().reason());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return detail(caller, id, model);
        }
        return cancelled(staff, outcome, " with the fee waived", id, flash);
    }

    /**
     * Records the desk payment of the total the page showed ({@code expectedTotal}) and, when the clerk chose "and check in"
     * ({@code then=check-in}), checks the guest in. A payment already recorded (the form sent twice, or by another clerk) is
     * said as such, never recorded again.
     */
    @PostMapping("/staff/bookings/{id}/payments")
    String takePayment(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @RequestParam(required = false) String method,
            @RequestParam(required = false) String expectedTotal, @RequestParam(required = false) String then, RedirectAttributes flash) {
        Actor staff = StaffActors.of(caller);
        Optional<PaymentMethod> taken = DeskMethods.parse(method);
        if (taken.isEmpty()) {
            flash.addFlashAttribute("problem", DeskMethods.CHOOSE);
            return detailPage(id);
        }
        BookingRecord before = record(staff, id);
        if (alreadyPaid(before, flash)) {
            return detailPage(id);
        }
        BookingView booking = before.details().booking();
        if (!booking.total().toString().equals(expectedTotal)) {
            flash.addFlashAttribute("problem", "The total is %s, not the amount shown. Nothing was recorded: tell the guest, then take it again."
                    .formatted(booking.total()));
            return detailPage(id);
        }
        Outcome<PaymentView> paid = deskPayments.takePayment(staff, id, taken.get());
        if (paid instanceof Outcome.Refused<PaymentView> refused) {
            if (!alreadyPaid(record(staff, id), flash)) {
                flash.addFlashAttribute("problem", "The payment was not recorded: " + refused.refusal().reason());
            }
            return detailPage(id);
        }
        String payment = "Paid %s %s".formatted(((Outcome.Success<PaymentView>) paid).value().amount(), DeskMethods.taken(taken.get()));
        if (!"check-in".equals(then)) {
            flash.addFlashAttribute("notice", payment + ". The booking is confirmed.");
            return detailPage(id);
        }
        frontDesk.checkIn(staff, id).fold(
                checkedIn -> flash.addFlashAttribute("notice", "%s and checked in to room %s.".formatted(payment, checkedIn.roomNumber())),
                refusal -> flash.addFlashAttribute("problem", "%s (the booking is confirmed), but the guest could not be checked in: %s"
                        .formatted(payment, refusal.reason())));
        return detailPage(id);
    }

    private String detail(AccessTokenClaims caller, UUID id, Model model) {
        BookingRecord record = record(StaffActors.of(caller), id);
        ZoneId zone = zone();
        BookingView booking = record.details().booking();
        model.addAttribute("record", record);
        model.addAttribute("booking", booking);
        model.addAttribute("zone", zone);
        model.addAttribute("startsToday", booking.checkIn().equals(LocalDate.now(clock.withZone(zone))));
        model.addAttribute("deskRefund", deskRefund(record).map(DeskRefund::instruction).orElse(null));
        return DETAIL;
    }

    private BookingRecord record(Actor staff, UUID id) {
        return records.record(staff, id).fold(found -> found, refusal -> {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        });
    }

    private ZoneId zone() {
        return StaffLabels.motelZone(motel);
    }

    /**
     * What the desk gives back by hand for a cancelled booking paid at the desk, from the record (not from the answer to the
     * cancel form, which a second sending of it would replace): empty when nothing was refunded or the processor refunded it.
     */
    static Optional<DeskRefund> deskRefund(BookingRecord record) {
        BookingView booking = record.details().booking();
        if (booking.status() != BookingStatus.CANCELLED || booking.refunded().isZero()) {
            return Optional.empty();
        }
        return record.details().payments().stream()
                .filter(payment -> payment.status() == PaymentStatus.SUCCEEDED || payment.status() == PaymentStatus.REFUNDED)
                .filter(payment -> payment.method().atTheDesk())
                .findFirst()
                .map(payment -> new DeskRefund(booking.refunded(), payment.method()));
    }

    /** True, with a notice saying so, when the booking's payment was recorded already (the form sent twice, or another clerk). */
    private boolean alreadyPaid(BookingRecord record, RedirectAttributes flash) {
        Optional<PaymentView> succeeded = record.details().payments().stream().filter(payment -> payment.status() == PaymentStatus.SUCCEEDED)
                .findFirst();
        succeeded.ifPresent(payment -> flash.addFlashAttribute("notice", "Already paid: %s %s was recorded at %s. Nothing was recorded twice."
                .formatted(payment.amount(), labels.of(payment.method()).toLowerCase(Locale.ENGLISH), labels.at(payment.createdAt(), zone()))));
        return succeeded.isPresent();
    }

    private String cancelled(Actor staff, Outcome<BookingView> outcome, String how, UUID id, RedirectAttributes flash) {
        return outcome.fold(booking -> {
            flash.addFlashAttribute("notice", "Booking %s cancelled%s. Refunded %s.%s".formatted(booking.reference(), how, booking.refunded(),
                    booking.deskRefund().map(refund -> " " + refund.instruction()).orElse("")));
            return detailPage(id);
        }, refusal -> notCancelled(staff, id, refusal, flash));
    }

    /** A cancellation refused: when the booking is cancelled already (the form sent twice, or another clerk), that is no failure. */
    private String notCancelled(Actor staff, UUID id, Refusal refusal, RedirectAttributes flash) {
        if (refusal.kind() != Refusal.Kind.NOT_FOUND && record(staff, id).details().booking().status() == BookingStatus.CANCELLED) {
            flash.addFlashAttribute("notice", "This booking is cancelled already; its refund is shown below.");
        } else {
            flash.addFlashAttribute("problem", "Could not cancel: " + refusal.reason());
        }
        return detailPage(id);
    }

    private static String detailPage(UUID id) {
        return "redirect:/staff/bookings/" + id;
    }

    /** The page asked for, from 0 (at most {@value #MAX_PAGE}); anything else is the first page. */
    private static int pageNumber(String page) {
        try {
            return Math.min(MAX_PAGE, Math.max(0, Integer.parseInt(page)));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
