package com.westbethel.motel.adapters.web.site.booking;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase.BookRoomCommand;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase.GuestDetails;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.SearchAvailabilityUseCase;
import com.westbethel.motel.application.booking.port.in.SearchAvailabilityUseCase.Availability;
import com.westbethel.motel.application.identity.port.in.ViewProfileUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
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

/**
 * {@code /book}: who the booking is for (first name, last name, email, phone if they like), beside a summary of the
 * stay at the price the search showed. Sending it holds the room ({@code BookRoomUseCase}, the existing hold) and goes
 * on to the review. A guest without an account holds the booking through this web session ({@link HeldBookings}); a
 * logged-in guest finds the form filled in from their profile, and the booking under their bookings.
 */
@Controller
class BookPageController {

    static final String VIEW = "site/booking/book";
    /** A refused booking form's fields, as the use case names them, and the form's own. */
    private static final Map<String, String> GUEST_FIELDS = Map.of("guest.firstName", "firstName", "guest.lastName", "lastName",
            "guest.email", "email", "guest.phone", "phone");

    private final SearchAvailabilityUseCase search;
    private final BookRoomUseCase book;
    private final ViewProfileUseCase profiles;

    BookPageController(SearchAvailabilityUseCase search, BookRoomUseCase book, ViewProfileUseCase profiles) {
        this.search = search;
        this.book = book;
        this.profiles = profiles;
    }

    @GetMapping("/book")
    String form(@ModelAttribute("form") GuestForm form, BindingResult errors, @AuthenticationPrincipal AccessTokenClaims caller, Model model,
            HttpServletResponse response) {
        if (caller != null && form.getFirstName().isEmpty() && form.getLastName().isEmpty() && form.getEmail().isEmpty()) {
            profiles.profile(caller.user()).ifPresent(profile -> {
                form.setFirstName(profile.firstName());
                form.setLastName(profile.lastName());
                form.setEmail(profile.email());
            });
        }
        form.newIdempotencyKey();
        return page(form, errors, model, response, HttpStatus.OK);
    }

    @PostMapping("/book")
    String book(@ModelAttribute("form") GuestForm form, BindingResult errors, @AuthenticationPrincipal AccessTokenClaims caller, Model model,
            HttpServletRequest request, HttpServletResponse response) {
        Optional<GuestForm.Stay> stay = form.stay();
        if (stay.isEmpty()) {
            return page(form, errors, model, response, HttpStatus.BAD_REQUEST);
        }
        GuestForm.Stay asked = stay.get();
        Actor booker = HeldBookings.booker(caller);
        GuestDetails details = new GuestDetails(form.getFirstName(), form.getLastName(), form.getEmail(),
                form.getPhone().isEmpty() ? Optional.empty() : Optional.of(form.getPhone()));
        Optional<String> key = form.getIdempotencyKey().isEmpty() ? Optional.empty() : Optional.of(form.getIdempotencyKey());
        Outcome<BookingView> outcome = book.book(new BookRoomCommand(booker, asked.roomTypeId(), asked.checkIn(), asked.checkOut(), asked.guests(),
                asked.promoCode(), key, Optional.of(details), Channel.WEB));
        if (outcome instanceof Outcome.Success<BookingView> held) {
            if (caller == null) {
                HeldBookings.remember(request, held.value().id());
            }
            return "redirect:/bookings/" + held.value().id() + "/review";
        }
        Refusal refusal = ((Outcome.Refused<BookingView>) outcome).refusal();
        for (Refusal.FieldError error : refusal.errors()) {
            String field = GUEST_FIELDS.get(error.field());
            if (field != null) {
                errors.rejectValue(field, "refused", error.message());
            }
        }
        if (!errors.hasErrors()) {
            // The stay itself was refused (sold out meanwhile, too many unpaid holds, the code used up): said above the form.
            errors.reject("refused", refusal.reason());
        }
        // Nothing was held: a new key, so that sending the corrected form is a new request rather than a replay.
        form.newIdempotencyKey();
        return page(form, errors, model, response, status(refusal));
    }

    private String page(GuestForm form, BindingResult errors, Model model, HttpServletResponse response, HttpStatus status) {
        Optional<GuestForm.Stay> stay = form.stay();
        if (stay.isEmpty()) {
            errors.reject("stay", "This booking form is incomplete. Choose a room from the search again.");
            model.addAttribute("searchLink", "/");
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return VIEW;
        }
        GuestForm.Stay asked = stay.get();
        model.addAttribute("searchLink", form.searchLink());
        Outcome<Availability> found = search.search(asked.checkIn(), asked.checkOut(), asked.guests(), asked.promoCode());
        if (found instanceof Outcome.Success<Availability> availability) {
            availability.value().roomTypes().stream().filter(offer -> offer.roomTypeId().equals(asked.roomTypeId())).findFirst()
                    .map(offer -> OfferView.of(offer, availability.value()))
                    .ifPresent(offer -> model.addAttribute("offer", offer));
            model.addAttribute("stayDates", SiteFormat.longDate(asked.checkIn()) + " to " + SiteFormat.longDate(asked.checkOut()));
        }
        OfferView offer = (OfferView) model.getAttribute("offer");
        if (offer == null || offer.unavailable() != null) {
            model.addAttribute("unavailable", offer == null ? "This room is not offered for these dates any more." : offer.unavailable());
            status = status.is2xxSuccessful() ? HttpStatus.CONFLICT : status;
        }
        response.setStatus(status.value());
        return VIEW;
    }

    private static HttpStatus status(Refusal refusal) {
        return switch (refusal.kind()) {
            case SOLD_OUT, CONFLICT, TOO_MANY_UNPAID_HOLDS -> HttpStatus.CONFLICT;
            case IDEMPOTENCY_MISMATCH -> HttpStatus.UNPROCESSABLE_ENTITY;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            default -> HttpStatus.BAD_REQUEST;
        };
    }
}
