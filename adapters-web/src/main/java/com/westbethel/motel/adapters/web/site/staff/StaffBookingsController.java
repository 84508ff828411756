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
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase.Page;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import jakarta.servlet.http.HttpServletResponse;
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

    StaffBookingsController(SearchBookingsUseCase search, ViewBookingRecordUseCase records, CancelBookingUseCase cancellations,
            TakeDeskPaymentUseCase deskPayments) {
        this.search = search;
        this.records = records;
        this.cancellations = cancellations;
        this.deskPayments = deskPayments;
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

    @PostMapping("/staff/bookings/{id}/cancel")
    String cancel(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, RedirectAttributes flash) {
        return cancelled(cancellations.cancel(StaffActors.of(caller), id, Channel.FRONT_DESK), "", id, flash);
    }

    @PostMapping("/staff/bookings/{id}/waive")
    String waive(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @ModelAttribute("waiver") WaiverForm waiver,
            BindingResult errors, Model model, HttpServletResponse response, RedirectAttributes flash) {
        Outcome<BookingView> outcome = cancellations.cancelWaivingFee(StaffActors.of(caller), id, waiver.getReason());
        if (outcome instanceof Outcome.Refused<BookingView> refused && refused.refusal().kind() == Refusal.Kind.INVALID) {
            // The reason is missing or too long: the page again, the message beside the field, what was typed kept.
            errors.rejectValue("reason", "refused", refused.refusal().reason());
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return detail(caller, id, model);
        }
        return cancelled(outcome, " with the fee waived", id, flash);
    }

    @PostMapping("/staff/bookings/{id}/payments")
    String takePayment(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @RequestParam(required = false) String method,
            RedirectAttributes flash) {
        Optional<PaymentMethod> taken = "CASH".equals(method) ? Optional.of(PaymentMethod.CASH)
                : "CARD_PRESENT".equals(method) ? Optional.of(PaymentMethod.CARD_PRESENT) : Optional.empty();
        if (taken.isEmpty()) {
            flash.addFlashAttribute("problem", "Choose how the guest paid: cash or card on the desk's terminal.");
        } else {
            deskPayments.takePayment(StaffActors.of(caller), id, taken.get()).fold(
                    payment -> flash.addFlashAttribute("notice", "Paid %s %s. The booking is confirmed.".formatted(payment.amount(),
                            taken.get() == PaymentMethod.CASH ? "in cash" : "by card on the desk's terminal")),
                    refusal -> flash.addFlashAttribute("problem", "The payment was not recorded: " + refusal.reason()));
        }
        return "redirect:/staff/bookings/" + id;
    }

    private String detail(AccessTokenClaims caller, UUID id, Model model) {
        BookingRecord record = records.record(StaffActors.of(caller), id).fold(found -> found, refusal -> {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        });
        model.addAttribute("record", record);
        model.addAttribute("booking", record.details().booking());
        return DETAIL;
    }

    private static String cancelled(Outcome<BookingView> outcome, String how, UUID id, RedirectAttributes flash) {
        outcome.fold(booking -> flash.addFlashAttribute("notice", "Booking %s cancelled%s. Refunded %s.%s".formatted(booking.reference(), how,
                        booking.refunded(), booking.deskRefund().map(refund -> " " + refund.instruction()).orElse(""))),
                refusal -> flash.addFlashAttribute("problem", "Could not cancel: " + refusal.reason()));
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
