package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.FrontDeskUseCase;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.ViewFrontDeskUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import java.time.LocalDate;
import java.util.Optional;
import java.util.UUID;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * {@code /staff}: the front desk's day (arrivals, departures, in house) for a date picked with a GET form, and one-click
 * check-in, check-out and no-show, each a POST form answered with a redirect back to the day and a line saying what was
 * done to whom, in which room (or why it could not be).
 */
@Controller
class StaffTodayController {

    private static final String VIEW = "staff/today";

    private final ViewFrontDeskUseCase view;
    private final FrontDeskUseCase frontDesk;

    StaffTodayController(ViewFrontDeskUseCase view, FrontDeskUseCase frontDesk) {
        this.view = view;
        this.frontDesk = frontDesk;
    }

    @GetMapping("/staff")
    String today(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, Model model) {
        return view.today(Optional.ofNullable(date)).fold(day -> {
            model.addAttribute("day", day);
            return VIEW;
        }, refusal -> {
            // A day out of range or a motel without a property: the error page, as for a malformed date.
            throw new ResponseStatusException(refusal.kind() == Refusal.Kind.INVALID ? HttpStatus.BAD_REQUEST : HttpStatus.NOT_FOUND);
        });
    }

    @PostMapping("/staff/bookings/{id}/check-in")
    String checkIn(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String back, RedirectAttributes flash) {
        return done(frontDesk.checkIn(StaffActors.of(caller), id), "%s checked in to room %s.", "Could not check in: ", date, flash,
                back(back, id));
    }

    @PostMapping("/staff/bookings/{id}/check-out")
    String checkOut(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
            @RequestParam(required = false) String back, RedirectAttributes flash) {
        return done(frontDesk.checkOut(StaffActors.of(caller), id), "%s checked out of room %s. The room is marked dirty for housekeeping.",
                "Could not check out: ", date, flash, back(back, id));
    }

    @PostMapping("/staff/bookings/{id}/no-show")
    String noShow(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date, RedirectAttributes flash) {
        return done(frontDesk.markNoShow(StaffActors.of(caller), id), "%s marked as a no-show; room %s is free again.",
                "Could not mark a no-show: ", date, flash, Optional.empty());
    }

    /**
     * Back to the day that was shown, or to the booking's own page when the form was sent from there (redirect after post),
     * with what happened in the status line.
     */
    private static String done(Outcome<BookingView> outcome, String success, String refused, LocalDate date, RedirectAttributes flash,
            Optional<String> backTo) {
        outcome.fold(booking -> flash.addFlashAttribute("notice", success.formatted(guestName(booking), booking.roomNumber())),
                refusal -> flash.addFlashAttribute("problem", refused + refusal.reason()));
        return backTo.orElse(date == null ? "redirect:/staff" : "redirect:/staff?date=" + date);
    }

    /** {@code back=booking}: the form was on the booking's page (/staff/bookings/{id}), which the answer returns to. */
    private static Optional<String> back(String back, UUID id) {
        return "booking".equals(back) ? Optional.of("redirect:/staff/bookings/" + id) : Optional.empty();
    }

    static String guestName(BookingView booking) {
        return (booking.guest().firstName() + " " + booking.guest().lastName()).strip();
    }
}
