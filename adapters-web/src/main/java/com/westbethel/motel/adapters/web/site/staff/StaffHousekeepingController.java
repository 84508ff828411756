package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.application.booking.port.in.RoomHousekeepingUseCase;
import com.westbethel.motel.application.booking.port.in.RoomHousekeepingUseCase.RoomStatusLine;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.domain.inventory.HousekeepingStatus;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
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
 * {@code /staff/housekeeping}: one card per room, phone-sized, with a button per status (the current one pressed). The
 * "needs cleaning" filter is a GET link; setting a status is a POST form answered with a redirect back to the list.
 */
@Controller
class StaffHousekeepingController {

    private final RoomHousekeepingUseCase housekeeping;

    StaffHousekeepingController(RoomHousekeepingUseCase housekeeping) {
        this.housekeeping = housekeeping;
    }

    @GetMapping("/staff/housekeeping")
    String rooms(@RequestParam(required = false) String show, Model model) {
        var board = housekeeping.rooms().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        boolean dirtyOnly = "dirty".equals(show);
        List<RoomStatusLine> rooms = dirtyOnly ? board.rooms().stream().filter(room -> room.status() == HousekeepingStatus.DIRTY).toList()
                : board.rooms();
        model.addAttribute("date", board.date());
        model.addAttribute("rooms", rooms);
        model.addAttribute("dirtyOnly", dirtyOnly);
        model.addAttribute("dirty", board.rooms().stream().filter(room -> room.status() == HousekeepingStatus.DIRTY).count());
        model.addAttribute("statuses", HousekeepingStatus.values());
        return "staff/housekeeping";
    }

    @PostMapping("/staff/rooms/{id}/housekeeping")
    String set(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String status,
            @RequestParam(required = false) String show, RedirectAttributes flash) {
        housekeeping.setStatus(StaffActors.of(caller), id, status).fold(
                room -> flash.addFlashAttribute("notice", "Room %s is %s.".formatted(room.number(), room.status().name().toLowerCase(Locale.ROOT))),
                refusal -> flash.addFlashAttribute("problem", "Could not change the room: " + refusal.reason()));
        return "dirty".equals(show) ? "redirect:/staff/housekeeping?show=dirty" : "redirect:/staff/housekeeping";
    }
}
