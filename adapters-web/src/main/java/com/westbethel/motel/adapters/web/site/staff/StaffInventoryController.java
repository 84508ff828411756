package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.ChangeInventoryUseCase;
import com.westbethel.motel.application.booking.port.in.ChangeInventoryUseCase.Removal;
import com.westbethel.motel.application.booking.port.in.ManageInventoryUseCase;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.RoomTypePhotoUseCase;
import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase;
import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase.InventoryView;
import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase.RoomTypeLine;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.domain.booking.Promotion;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
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
 * {@code /staff/inventory}: the room types, rooms, rate plans and promotions, each with a form to change it and a button to
 * remove (or retire) it; a room's service and closures. Every form is a POST answered with a redirect back to the item's
 * section and a line saying what was done, or, in an alert at the top, why it was refused (the bookings a change would
 * strand named by reference). What cannot be read as a number or a date is refused the same way, naming the field.
 */
@Controller
class StaffInventoryController {

    private final ViewInventoryUseCase view;
    private final ManageInventoryUseCase manage;
    private final ChangeInventoryUseCase changes;
    private final RoomTypePhotoUseCase photos;

    StaffInventoryController(ViewInventoryUseCase view, ManageInventoryUseCase manage, ChangeInventoryUseCase changes, RoomTypePhotoUseCase photos) {
        this.view = view;
        this.manage = manage;
        this.changes = changes;
        this.photos = photos;
    }

    /** The rooms shown are one room type's ({@code type}, by default the first by name): a page stays light however many rooms. */
    @GetMapping("/staff/inventory")
    String inventory(@RequestParam(required = false) UUID type, Model model) {
        InventoryView inventory = view.inventory().orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        Optional<RoomTypeLine> shown = inventory.roomTypes().stream().filter(line -> line.roomType().id().value().equals(type)).findFirst()
                .or(() -> inventory.roomTypes().stream().filter(line -> !line.retired()).findFirst());
        model.addAttribute("inventory", inventory);
        model.addAttribute("shown", shown.orElse(null));
        model.addAttribute("rooms", shown.map(line -> inventory.rooms().stream()
                .filter(room -> room.roomTypeId().equals(line.roomType().id().value())).toList()).orElse(List.of()));
        model.addAttribute("kinds", Promotion.Kind.values());
        return "staff/inventory";
    }

    @PostMapping("/staff/inventory/rooms/{id}")
    String changeRoom(@AuthenticationPrincipal AccessTokenClaims caller, @RequestParam(required = false) UUID shown, @PathVariable UUID id, @RequestParam(defaultValue = "") String number,
            @RequestParam(defaultValue = "") String floor, @RequestParam(defaultValue = "") String roomTypeId, RedirectAttributes flash) {
        Fields form = new Fields();
        int floorNumber = form.integer("Floor", floor);
        UUID type = form.id("Room type", roomTypeId);
        return done(flash, rooms(shown), form, () -> changes.updateRoom(actor(caller), id, type, number.strip(), floorNumber),
                changed -> "Room " + number.strip() + " is changed.", "Could not change the room");
    }

    @PostMapping("/staff/inventory/rooms/{id}/service")
    String service(@AuthenticationPrincipal AccessTokenClaims caller, @RequestParam(required = false) UUID shown, @PathVariable UUID id, @RequestParam(defaultValue = "") String inService,
            @RequestParam(defaultValue = "") String number, RedirectAttributes flash) {
        boolean back = "true".equals(inService);
        return done(flash, rooms(shown), new Fields(), () -> manage.setRoomInService(actor(caller), id, back),
                changed -> "Room " + number + (back ? " is back in service." : " is out of service."),
                back ? "Could not put room " + number + " back in service" : "Could not take room " + number + " out of service");
    }

    @PostMapping("/staff/inventory/rooms/{id}/closures")
    String close(@AuthenticationPrincipal AccessTokenClaims caller, @RequestParam(required = false) UUID shown, @PathVariable UUID id, @RequestParam(defaultValue = "") String starts,
            @RequestParam(defaultValue = "") String ends, @RequestParam(defaultValue = "") String reason, @RequestParam(defaultValue = "") String number,
            RedirectAttributes flash) {
        Fields form = new Fields();
        LocalDate from = form.date("First night closed", starts);
        LocalDate until = form.date("Open again on", ends);
        form.atMost("Reason", reason, 200);
        return done(flash, rooms(shown), form, () -> manage.closeRoom(actor(caller), id, from, until, reason.strip()),
                closed -> "Room %s is closed from %s until %s.".formatted(number, from, until), "Could not close room " + number);
    }

    @PostMapping("/staff/inventory/rooms/{id}/closures/{closureId}/remove")
    String reopen(@AuthenticationPrincipal AccessTokenClaims caller, @RequestParam(required = false) UUID shown, @PathVariable UUID id, @PathVariable UUID closureId,
            @RequestParam(defaultValue = "") String number, RedirectAttributes flash) {
        return done(flash, rooms(shown), new Fields(), () -> changes.reopenRoom(actor(caller), id, closureId),
                removed -> "The closure of room " + number + " is removed.", "Could not remove the closure");
    }

    @PostMapping("/staff/inventory/rooms/{id}/remove")
    String removeRoom(@AuthenticationPrincipal AccessTokenClaims caller, @RequestParam(required = false) UUID shown, @PathVariable UUID id, @RequestParam(defaultValue = "") String number,
            RedirectAttributes flash) {
        return done(flash, rooms(shown), new Fields(), () -> changes.removeRoom(actor(caller), id),
                removal -> removal == Removal.RETIRED ? "Room " + number + " is retired: bookings refer to it, so it stays, out of service."
                        : "Room " + number + " is deleted.", "Could not remove room " + number);
    }

    @PostMapping("/staff/inventory/room-types/{id}")
    String changeRoomType(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String description, @RequestParam(defaultValue = "") String maxOccupancy,
            @RequestParam(defaultValue = "") String baseRate, @RequestParam(defaultValue = "") String amenities, RedirectAttributes flash) {
        Fields form = new Fields();
        form.required("Name", name, 100);
        form.atMost("Description", description, 2000);
        int sleeps = form.integer("Sleeps", maxOccupancy);
        BigDecimal rate = form.amount("Base rate", baseRate);
        List<String> listed = Arrays.stream(amenities.split(",")).map(String::strip).filter(amenity -> !amenity.isEmpty()).toList();
        return done(flash, "room-types", form, () -> manage.updateRoomType(actor(caller), id, name.strip(), description.strip(), sleeps, rate, listed),
                type -> type.name() + " is changed.", "Could not change the room type");
    }

    @PostMapping("/staff/inventory/room-types/{id}/remove")
    String removeRoomType(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String name,
            RedirectAttributes flash) {
        return done(flash, "room-types", new Fields(), () -> changes.removeRoomType(actor(caller), id),
                removal -> removal == Removal.RETIRED ? name + " is retired: bookings refer to it, so it stays, no longer offered."
                        : name + " is deleted.", "Could not remove " + name);
    }

    @PostMapping("/staff/inventory/room-types/{id}/photo/remove")
    String removePhoto(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String name,
            RedirectAttributes flash) {
        return done(flash, "room-types", new Fields(), () -> photos.removePhoto(actor(caller), id), removed -> "The photo of " + name + " is removed.",
                "Could not remove the photo");
    }

    @PostMapping("/staff/inventory/rate-plans/{id}")
    String changeRatePlan(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String roomTypeId,
            @RequestParam(defaultValue = "") String name, @RequestParam(defaultValue = "") String validFrom,
            @RequestParam(defaultValue = "") String validUntil, @RequestParam(defaultValue = "") String weekdayRate,
            @RequestParam(defaultValue = "") String weekendRate, @RequestParam(defaultValue = "") String minimumStay, RedirectAttributes flash) {
        Fields form = new Fields();
        UUID type = form.id("Room type", roomTypeId);
        form.required("Name", name, 100);
        LocalDate from = form.date("From", validFrom);
        LocalDate until = form.date("Until", validUntil);
        BigDecimal weekday = form.amount("Weekday rate", weekdayRate);
        BigDecimal weekend = form.amount("Weekend rate", weekendRate);
        int nights = form.integer("Minimum stay", minimumStay);
        return done(flash, "rate-plans", form,
                () -> changes.updateRatePlan(actor(caller), id, type, name.strip(), from, until, weekday, weekend, nights),
                plan -> "The rate plan " + plan.name() + " is changed.", "Could not change the rate plan");
    }

    @PostMapping("/staff/inventory/rate-plans/{id}/remove")
    String removeRatePlan(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String name,
            RedirectAttributes flash) {
        return done(flash, "rate-plans", new Fields(), () -> manage.removeRatePlan(actor(caller), id),
                removed -> "The rate plan " + name + " is deleted; bookings keep the rates they were quoted.", "Could not remove the rate plan");
    }

    @PostMapping("/staff/inventory/promotions/{id}")
    String changePromotion(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String code,
            @RequestParam(defaultValue = "") String kind, @RequestParam(defaultValue = "") String value,
            @RequestParam(defaultValue = "") String validFrom, @RequestParam(defaultValue = "") String validUntil,
            @RequestParam(defaultValue = "") String usageLimit, @RequestParam(defaultValue = "") String perGuestLimit,
            @RequestParam(defaultValue = "") String minimumNights, RedirectAttributes flash) {
        Fields form = new Fields();
        form.required("Code", code, 32);
        Promotion.Kind off = form.kind(kind);
        BigDecimal amount = form.amount("Value", value);
        LocalDate from = form.date("From", validFrom);
        LocalDate until = form.date("Until", validUntil);
        Optional<Integer> limit = usageLimit.isBlank() ? Optional.empty() : Optional.of(form.integer("Uses in all", usageLimit));
        int perGuest = form.integer("Uses per guest", perGuestLimit);
        int nights = form.integer("Minimum nights", minimumNights);
        return done(flash, "promotions", form,
                () -> changes.updatePromotion(actor(caller), id, code.strip(), off, amount, from, until, limit, perGuest, nights),
                promotion -> "The code " + promotion.code() + " is changed.", "Could not change the promotion");
    }

    @PostMapping("/staff/inventory/promotions/{id}/remove")
    String removePromotion(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @RequestParam(defaultValue = "") String code,
            RedirectAttributes flash) {
        return done(flash, "promotions", new Fields(), () -> changes.removePromotion(actor(caller), id),
                removal -> removal == Removal.RETIRED ? "The code " + code + " is retired: bookings used it, so it stays, no longer redeemable."
                        : "The code " + code + " is deleted.", "Could not remove the code " + code);
    }

    /** Back to the rooms of the type that was shown. */
    private static String rooms(UUID shown) {
        return shown == null ? "rooms" : "rooms?type=" + shown;
    }

    private static Actor actor(AccessTokenClaims caller) {
        return StaffActors.of(caller);
    }

    /** Runs the change unless the form was unreadable, then back to the section (redirect after post) with what happened. */
    private static <T> String done(RedirectAttributes flash, String section, Fields form, Supplier<Outcome<T>> change, Function<T, String> success,
            String refused) {
        if (!form.errors.isEmpty()) {
            flash.addFlashAttribute("problem", refused + ": " + String.join(" ", form.errors));
        } else {
            change.get().fold(value -> flash.addFlashAttribute("notice", success.apply(value)),
                    refusal -> flash.addFlashAttribute("problem", refused + ": " + refusal.reason()));
        }
        int query = section.indexOf('?');
        return query < 0 ? "redirect:/staff/inventory#" + section
                : "redirect:/staff/inventory" + section.substring(query) + "#" + section.substring(0, query);
    }

    /** A form's values read as numbers, amounts, dates and ids; each that cannot be is an error naming its field (never echoing it). */
    private static final class Fields {

        private final List<String> errors = new ArrayList<>();

        void required(String label, String value, int max) {
            if (value.isBlank()) {
                errors.add(label + " is required.");
            }
            atMost(label, value, max);
        }

        void atMost(String label, String value, int max) {
            if (value.strip().length() > max) {
                errors.add("%s is at most %d characters.".formatted(label, max));
            }
        }

        int integer(String label, String value) {
            try {
                return Integer.parseInt(value.strip());
            } catch (NumberFormatException notANumber) {
                errors.add(label + " must be a whole number.");
                return 0;
            }
        }

        BigDecimal amount(String label, String value) {
            try {
                return new BigDecimal(value.strip());
            } catch (NumberFormatException notAnAmount) {
                errors.add(label + " must be an amount such as 129.00.");
                return BigDecimal.ZERO;
            }
        }

        LocalDate date(String label, String value) {
            try {
                return LocalDate.parse(value.strip());
            } catch (DateTimeParseException notADate) {
                errors.add(label + " must be a date.");
                return LocalDate.EPOCH;
            }
        }

        UUID id(String label, String value) {
            try {
                return UUID.fromString(value.strip());
            } catch (IllegalArgumentException notAnId) {
                errors.add(label + " must be chosen from the list.");
                return new UUID(0, 0);
            }
        }

        Promotion.Kind kind(String value) {
            try {
                return Promotion.Kind.valueOf(value.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException notAKind) {
                errors.add("Kind must be percent or fixed.");
                return Promotion.Kind.PERCENT;
            }
        }
    }
}
