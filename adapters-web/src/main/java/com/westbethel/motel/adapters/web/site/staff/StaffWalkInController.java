package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookWalkInUseCase;
import com.westbethel.motel.application.booking.port.in.BookWalkInUseCase.WalkInCommand;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.BrowseRoomTypesUseCase;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
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
 * {@code /staff/walk-in}: a guest at the desk booked, in one form; the payment is then taken on the booking's page, which shows
 * the total first (nothing is recorded as paid before the clerk has seen the amount and taken the money), with one button to
 * record it as cash or card on the desk's terminal and, when the stay starts today, check the guest in. A form the use case
 * refuses comes back with each message beside its field, nothing held. The form carries an Idempotency-Key: sent twice, it
 * books once, and the second answer says it was sent already.
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
    private final Clock clock;

    StaffWalkInController(BrowseRoomTypesUseCase motel, BookWalkInUseCase walkIns, Clock clock) {
        this.motel = motel;
        this.walkIns = walkIns;
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
        Outcome.Success<BookingView> held = (Outcome.Success<BookingView>) booked;
        BookingView booking = held.value();
        if (held.replayed()) {
            // The same form sent again (its key): the first sending booked; its page says what was done since.
            flash.addFlashAttribute("notice", "This walk-in was sent already: booking %s. Its page shows what was done.".formatted(booking.reference()));
        } else {
            String guest = (booking.guest().firstName() + " " + booking.guest().lastName()).strip();
            flash.addFlashAttribute("notice", "%s is booked (%s, room %s). Take the payment of %s below%s.".formatted(guest, booking.reference(),
                    booking.roomNumber(), booking.total(), booking.checkIn().equals(today()) ? ", then the guest is checked in" : ""));
        }
        return "redirect:/staff/bookings/" + booking.id();
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
