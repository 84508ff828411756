package com.westbethel.motel.adapters.web.site.booking;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.BrowseRoomTypesUseCase;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase.Page;
import com.westbethel.motel.application.booking.port.in.ViewLoyaltyUseCase;
import com.westbethel.motel.application.booking.port.in.ViewLoyaltyUseCase.LoyaltyView;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.loyalty.LoyaltyProgram.Tier;
import java.time.ZonedDateTime;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * A logged-in guest's bookings ({@code /account/bookings}, newest first, a page at a time, each linking to its page with
 * the manage actions) and loyalty points ({@code /account/loyalty}: points, tier, history). The site chain sends a
 * visitor who is not logged in to the login page first.
 */
@Controller
class AccountBookingsController {

    static final int PAGE_SIZE = 10;

    private final ViewBookingsUseCase bookings;
    private final ViewLoyaltyUseCase loyalty;
    private final BrowseRoomTypesUseCase motel;

    AccountBookingsController(ViewBookingsUseCase bookings, ViewLoyaltyUseCase loyalty, BrowseRoomTypesUseCase motel) {
        this.bookings = bookings;
        this.loyalty = loyalty;
        this.motel = motel;
    }

    /** One booking in the list. */
    record Row(String href, String reference, String roomType, String dates, String nights, String status, String total) {
    }

    /** One movement of points. */
    record Movement(String date, String what, String points) {
    }

    @GetMapping("/account/bookings")
    String bookings(@RequestParam(defaultValue = "1") int page, @AuthenticationPrincipal AccessTokenClaims caller, Model model) {
        Actor owner = Actor.guestAccount(caller.user());
        if (page < 1) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Page<BookingView> found = bookings.bookings(owner, page - 1, PAGE_SIZE);
        long pages = Math.max(1, (found.totalItems() + PAGE_SIZE - 1) / PAGE_SIZE);
        if (page > pages) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        Map<UUID, String> names = motel.roomTypes().stream().collect(Collectors.toMap(type -> type.id().value(), RoomType::name));
        model.addAttribute("rows", found.items().stream().map(booking -> new Row("/account/bookings/" + booking.id(), booking.reference(),
                names.getOrDefault(booking.roomTypeId(), "Room"), SiteFormat.date(booking.checkIn()) + " to " + SiteFormat.date(booking.checkOut()),
                SiteFormat.nights(booking.nights()), StayView.status(booking.status()), SiteFormat.money(booking.total()))).toList());
        model.addAttribute("page", page);
        model.addAttribute("pages", pages);
        model.addAttribute("total", found.totalItems());
        model.addAttribute("previous", page > 1 ? "/account/bookings?page=" + (page - 1) : null);
        model.addAttribute("next", page < pages ? "/account/bookings?page=" + (page + 1) : null);
        return "site/booking/account-bookings";
    }

    @GetMapping("/account/loyalty")
    String loyalty(@AuthenticationPrincipal AccessTokenClaims caller, Model model) {
        LoyaltyView points = loyalty.loyalty(caller.user());
        Property property = StayView.property(motel);
        model.addAttribute("points", String.format(Locale.US, "%,d", points.points()));
        model.addAttribute("lifetime", String.format(Locale.US, "%,d", points.lifetimePoints()));
        model.addAttribute("tier", tier(points.tier()));
        model.addAttribute("history", points.history().stream().map(movement -> new Movement(
                SiteFormat.date(ZonedDateTime.ofInstant(movement.occurredAt(), property.timeZone()).toLocalDate()), words(movement.kind()),
                String.format(Locale.US, "%+,d", movement.points()))).toList());
        return "site/booking/loyalty";
    }

    private static String tier(Tier tier) {
        String name = tier.name();
        return name.charAt(0) + name.substring(1).toLowerCase(Locale.ROOT);
    }

    /** "EARNED" → "Earned". */
    private static String words(String kind) {
        String lower = kind.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(lower.charAt(0)) + lower.substring(1);
    }
}
