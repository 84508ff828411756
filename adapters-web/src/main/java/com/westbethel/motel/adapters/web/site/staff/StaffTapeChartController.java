package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.application.booking.port.in.FrontDeskUseCase;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.RoomOption;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.StayLine;
import com.westbethel.motel.application.booking.port.in.ViewTapeChartUseCase.TapeChart;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import java.time.LocalDate;
import java.util.List;
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
import org.springframework.web.util.UriComponentsBuilder;

/**
 * {@code /staff/tape-chart}: rooms by number down, days across (14 to 31 from a day picked with a GET form, with links to
 * the days before and after), each stay and closure a bar spanning its nights and saying in words whose it is and its
 * status. A stay's bar links to the same chart with {@code move=<booking>}, which lists the rooms it can move to as a POST
 * form; the move is answered with a redirect back to the chart and a line saying where the guest went (or why not).
 */
@Controller
class StaffTapeChartController {

    private final ViewTapeChartUseCase tapeChart;
    private final FrontDeskUseCase frontDesk;

    StaffTapeChartController(ViewTapeChartUseCase tapeChart, FrontDeskUseCase frontDesk) {
        this.tapeChart = tapeChart;
        this.frontDesk = frontDesk;
    }

    /** The stay chosen to move, the rooms free for it, or why it cannot move. */
    record Move(StayLine stay, List<RoomOption> options, String refused) {
    }

    @GetMapping("/staff/tape-chart")
    String chart(@AuthenticationPrincipal AccessTokenClaims caller,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(defaultValue = "" + ViewTapeChartUseCase.MIN_DAYS) int days, @RequestParam(required = false) UUID move, Model model) {
        TapeChart chart = tapeChart.tapeChart(StaffActors.of(caller), Optional.ofNullable(from), days).fold(shown -> shown, refusal -> {
            // Days out of range or a motel without a property: the error page, as for a malformed date.
            throw new ResponseStatusException(refusal.kind() == Refusal.Kind.INVALID ? HttpStatus.BAD_REQUEST : HttpStatus.NOT_FOUND);
        });
        TapeChartView view = TapeChartView.of(chart, bookingId -> href(chart.from(), chart.days(), bookingId));
        model.addAttribute("chart", view);
        model.addAttribute("minDays", ViewTapeChartUseCase.MIN_DAYS);
        model.addAttribute("maxDays", ViewTapeChartUseCase.MAX_DAYS);
        model.addAttribute("earlier", href(chart.from().minusDays(chart.days()), chart.days(), null));
        model.addAttribute("later", href(chart.from().plusDays(chart.days()), chart.days(), null));
        if (move != null) {
            Optional<StayLine> stay = chart.rooms().stream().flatMap(room -> room.stays().stream()).filter(line -> line.bookingId().equals(move))
                    .findFirst();
            if (stay.isEmpty()) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND); // not a stay on the days shown
            }
            model.addAttribute("move", tapeChart.moveOptions(StaffActors.of(caller), move).fold(options -> new Move(stay.get(), options, null),
                    refusal -> new Move(stay.get(), List.of(), refusal.reason())));
        }
        return "staff/tape-chart";
    }

    @PostMapping("/staff/bookings/{id}/move")
    String move(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String roomNumber,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(defaultValue = "" + ViewTapeChartUseCase.MIN_DAYS) int days, RedirectAttributes flash) {
        if (roomNumber.isBlank()) {
            flash.addFlashAttribute("problem", "Could not move the stay: choose the room to move it to.");
            return "redirect:" + href(from, days, id);
        }
        return frontDesk.moveToRoom(StaffActors.of(caller), id, roomNumber).fold(booking -> {
            flash.addFlashAttribute("notice", "%s (%s) moved to room %s.".formatted(StaffTodayController.guestName(booking), booking.reference(),
                    booking.roomNumber()));
            return "redirect:" + href(from, days, null);
        }, refusal -> {
            flash.addFlashAttribute("problem", "Could not move the stay: " + refusal.reason());
            return "redirect:" + href(from, days, id);
        });
    }

    /** The chart from a day (today when null) for some days, with a stay picked to move when {@code move} is given. */
    private static String href(LocalDate from, int days, UUID move) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromPath("/staff/tape-chart");
        if (from != null) {
            uri.queryParam("from", from);
        }
        uri.queryParam("days", days);
        if (move != null) {
            uri.queryParam("move", move).fragment("move");
        }
        return uri.toUriString();
    }
}
