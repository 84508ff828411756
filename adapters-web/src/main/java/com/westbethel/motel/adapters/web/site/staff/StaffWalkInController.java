package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookWalkInUseCase;
import com.westbethel.motel.application.booking.port.in.BookWalkInUseCase.WalkInCommand;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.BrowseRoomTypesUseCase;
import com.westbethel.motel.application.booking.port.in.FrontDeskUseCase;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentMethod;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.TakeDeskPaymentUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.inventory.Property;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /staff/walk-in}: a guest at the desk booked, paid and checked in, in one form. The booking is held (the walk-in use
 * case), the payment taken at the desk as cash or on the desk's card terminal, and, when the stay starts today, the guest
 * checked in; then the booking's page says what was done. A form the use case refuses comes back with each message beside its
 * field, nothing held; a step after the booking that is refused (a payment, a check-in) is named on the booking's page, where
 * it can be done again.
 */
@Controller
class StaffWalkInController {

    static final String VIEW = "staff/walk-in";
    /** A refused walk-in's fields, as the use case names them, and the form's own. */
    private static final Map<String, String> FIELDS = Map.of("guest.firstName", "firstName", "guest.lastName", "lastName", "guest.email", "email",
            "guest.phone", "phone", "roomTypeId", "roomTypeId", "checkIn", "checkIn", "checkOut", "checkOut", "guests", "guests",
            "roomNumber", "roomNumber");

    private final BrowseRoomTypesUseCase motel;
    private final BookWalkInUseCase walkIns;
    private final TakeDeskPaymentUseCase deskPayments;
    private final FrontDeskUseCase frontDesk;
    private final Clock clock;

    StaffWalkInController(BrowseRoomTypesUseCase motel, BookWalkInUseCase walkIns, TakeDeskPaymentUseCase deskPayments, FrontDeskUseCase frontDesk,
            Clock clock) {
        this.motel = motel;
        this.walkIns = walkIns;
        this.deskPayments = deskPayments;
        this.frontDesk = frontDesk;
        this.clock = clock;
    }

    @GetMapping("/staff/walk-in")
    String form(Model model) {
        model.addAttribute("form", WalkInForm.tonight(today()));
        return page(model);
    }

    @PostMapping("/staff/walk-in")
    String book(@ModelAttribute("form") WalkInForm form, BindingResult errors, @AuthenticationPrincipal AccessTokenClaims caller, Model model,
            HttpServletResponse response, RedirectAttributes flash) {
        Actor staff = StaffActors.of(caller);
        Optional<WalkInCommand> command = form.command(staff, errors);
        if (command.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(model);
        }
        Outcome<BookingView> booked = walkIns.book(command.get());
        if (booked instanceof Outcome.Refused<BookingView> refused) {
            return refused(refused.refusal(), form, errors, model, response);
        }
        BookingView booking = ((Outcome.Success<BookingView>) booked).value();
        String detail = "redirect:/staff/bookings/" + booking.id();
        if (booking.status() != BookingStatus.PENDING_PAYMENT) {
            // The same form sent again (its key): the first sending booked, and took the payment.
            flash.addFlashAttribute("notice", "This walk-in was booked already: %s.".formatted(booking.reference()));
            return detail;
        }
        String guest = (booking.guest().firstName() + " " + booking.guest().lastName()).strip();
        PaymentMethod method = form.paymentMethod().orElseThrow();
        Outcome<PaymentView> paid = deskPayments.takePayment(staff, booking.id(), method);
        if (paid instanceof Outcome.Refused<PaymentView> refused) {
            flash.addFlashAttribute("problem", "%s is booked (%s, room %s), but the payment was not recorded: %s Take it below before the hold ends."
                    .formatted(guest, booking.reference(), booking.roomNumber(), refused.refusal().reason()));
            return detail;
        }
        String takenBy = method == PaymentMethod.CASH ? "in cash" : "by card on the desk's terminal";
        if (!booking.checkIn().equals(today())) {
            flash.addFlashAttribute("notice", "%s is booked (%s, room %s) and paid %s %s. The stay starts on %s: check in then."
                    .formatted(guest, booking.reference(), booking.roomNumber(), booking.total(), takenBy, booking.checkIn()));
            return detail;
        }
        frontDesk.checkIn(staff, booking.id()).fold(
                checkedIn -> flash.addFlashAttribute("notice", "%s is booked (%s), paid %s %s and checked in to room %s."
                        .formatted(guest, booking.reference(), booking.total(), takenBy, checkedIn.roomNumber())),
                refusal -> flash.addFlashAttribute("problem", "%s is booked (%s, room %s) and paid %s %s, but could not be checked in: %s"
                        .formatted(guest, booking.reference(), booking.roomNumber(), booking.total(), takenBy, refusal.reason())));
        return detail;
    }

    private String refused(Refusal refusal, WalkInForm form, BindingResult errors, Model model, HttpServletResponse response) {
        for (Refusal.FieldError error : refusal.errors()) {
            String field = FIELDS.get(error.field());
            if (field != null) {
                errors.rejectValue(field, "refused", error.message());
            }
        }
        if (!errors.hasErrors()) {
            errors.reject("refused", refusal.reason());
        }
        // Nothing was held: a new key, so that sending the corrected form is a new request rather than a replay.
        form.newIdempotencyKey();
        response.setStatus(switch (refusal.kind()) {
            case SOLD_OUT, CONFLICT -> HttpStatus.CONFLICT.value();
            case NOT_FOUND -> HttpStatus.NOT_FOUND.value();
            case IDEMPOTENCY_MISMATCH -> HttpStatus.UNPROCESSABLE_ENTITY.value();
            default -> HttpStatus.BAD_REQUEST.value();
        });
        return page(model);
    }

    private String page(Model model) {
        model.addAttribute("roomTypes", motel.roomTypes());
        return VIEW;
    }

    /** Today at the motel, in its time zone. */
    private LocalDate today() {
        Property property = motel.motel().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        return LocalDate.now(clock.withZone(property.timeZone()));
    }
}
