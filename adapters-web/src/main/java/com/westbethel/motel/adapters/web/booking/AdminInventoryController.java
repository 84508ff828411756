package com.westbethel.motel.adapters.web.booking;

import com.westbethel.motel.application.booking.port.in.ManageInventoryUseCase;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomType;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** /api/v1/admin inventory (admins only): room types, rooms and closures, rate plans, promotion codes. */
@RestController
@RequestMapping("/api/v1/admin")
class AdminInventoryController {

    private final ManageInventoryUseCase inventory;

    AdminInventoryController(ManageInventoryUseCase inventory) {
        this.inventory = inventory;
    }

    record RoomTypeRequest(@NotBlank @Size(max = 100) @Schema(example = "Loft") String name,
            @Size(max = 2000) @Schema(example = "Under the roof, with a skylight.") String description,
            @NotNull @Min(1) @Max(20) @Schema(example = "3") Integer maxOccupancy,
            @NotNull @DecimalMin("0.01") @Digits(integer = 8, fraction = 2) @Schema(example = "129.00") BigDecimal baseRate,
            @Size(max = 30) List<@NotBlank @Size(max = 60) String> amenities) {
    }

    record RoomRequest(@NotNull @Schema(example = "5e7b3e10-0000-4000-8000-0000000000a1") UUID roomTypeId,
            @NotBlank @Size(max = 16) @Schema(example = "301") String number,
            @NotNull @Min(-5) @Max(200) @Schema(example = "3") Integer floor) {
    }

    record ServiceRequest(@NotNull @Schema(example = "true") Boolean inService) {
    }

    record ClosureRequest(@NotNull @Schema(example = "2027-11-01") LocalDate starts,
            @NotNull @Schema(example = "2027-11-04") LocalDate ends, @Size(max = 200) @Schema(example = "Repainting") String reason) {
    }

    record RatePlanRequest(@NotNull @Schema(example = "5e7b3e10-0000-4000-8000-0000000000a1") UUID roomTypeId,
            @NotBlank @Size(max = 100) @Schema(example = "Loft") String name,
            @NotNull @Schema(example = "2027-06-15") LocalDate validFrom,
            @NotNull @Schema(example = "2027-09-15") LocalDate validUntil,
            @NotNull @DecimalMin("0.01") @Digits(integer = 8, fraction = 2) @Schema(example = "149.00") BigDecimal weekdayRate,
            @NotNull @DecimalMin("0.01") @Digits(integer = 8, fraction = 2) @Schema(example = "179.00") BigDecimal weekendRate,
            @NotNull @Min(1) @Max(30) @Schema(example = "2") Integer minimumStay) {
    }

    record PromotionRequest(@NotBlank @Size(max = 32) @Schema(example = "123456") String code,
            @NotNull @Schema(example = "PERCENT") Promotion.Kind kind,
            @NotNull @DecimalMin("0.01") @Digits(integer = 8, fraction = 2) @Schema(example = "10.00") BigDecimal value,
            @NotNull @Schema(example = "2027-06-15") LocalDate validFrom,
            @NotNull @Schema(example = "2027-09-15") LocalDate validUntil,
            @Min(1) @Schema(example = "500") Integer usageLimit, @NotNull @Min(1) @Schema(example = "1") Integer perGuestLimit,
            @NotNull @Min(1) @Max(30) @Schema(example = "2") Integer minimumNights) {
    }

    @PostMapping("/room-types")
    ResponseEntity<?> addRoomType(@AuthenticationPrincipal AccessTokenClaims caller, @Valid @RequestBody RoomTypeRequest request) {
        return created(inventory.addRoomType(Actors.of(caller), request.name(), nonNull(request.description()), request.maxOccupancy(),
                request.baseRate(), amenities(request.amenities())), type -> "/api/v1/room-types#" + type.id(), AdminInventoryController::json);
    }

    @PutMapping("/room-types/{id}")
    ResponseEntity<?> updateRoomType(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id,
            @Valid @RequestBody RoomTypeRequest request) {
        Outcome<RoomType> outcome = inventory.updateRoomType(Actors.of(caller), id, request.name(), nonNull(request.description()),
                request.maxOccupancy(), request.baseRate(), amenities(request.amenities()));
        if (outcome instanceof Outcome.Success<RoomType> success) {
            return ResponseEntity.ok(json(success.value()));
        }
        return Refusals.toProblem(((Outcome.Refused<RoomType>) outcome).refusal());
    }

    @PostMapping("/rooms")
    ResponseEntity<?> addRoom(@AuthenticationPrincipal AccessTokenClaims caller, @Valid @RequestBody RoomRequest request) {
        return created(inventory.addRoom(Actors.of(caller), request.roomTypeId(), request.number(), request.floor()),
                room -> "/api/v1/admin/rooms/" + room, room -> Map.of("id", room));
    }

    @PutMapping("/rooms/{id}/service")
    ResponseEntity<?> setInService(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @Valid @RequestBody ServiceRequest request) {
        Outcome<UUID> outcome = inventory.setRoomInService(Actors.of(caller), id, request.inService());
        if (outcome instanceof Outcome.Success<UUID>) {
            return ResponseEntity.noContent().build();
        }
        return Refusals.toProblem(((Outcome.Refused<UUID>) outcome).refusal());
    }

    @PostMapping("/rooms/{id}/closures")
    ResponseEntity<?> close(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @Valid @RequestBody ClosureRequest request) {
        return created(inventory.closeRoom(Actors.of(caller), id, request.starts(), request.ends(), request.reason()),
                closure -> "/api/v1/admin/rooms/" + id + "/closures/" + closure, closure -> Map.of("id", closure));
    }

    @PostMapping("/rate-plans")
    ResponseEntity<?> addRatePlan(@AuthenticationPrincipal AccessTokenClaims caller, @Valid @RequestBody RatePlanRequest request) {
        return created(inventory.addRatePlan(Actors.of(caller), request.roomTypeId(), request.name(), request.validFrom(), request.validUntil(),
                request.weekdayRate(), request.weekendRate(), request.minimumStay()), plan -> "/api/v1/admin/rate-plans/" + plan.id(),
                AdminInventoryController::json);
    }

    @DeleteMapping("/rate-plans/{id}")
    ResponseEntity<?> removeRatePlan(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id) {
        Outcome<UUID> outcome = inventory.removeRatePlan(Actors.of(caller), id);
        if (outcome instanceof Outcome.Success<UUID>) {
            return ResponseEntity.noContent().build();
        }
        return Refusals.toProblem(((Outcome.Refused<UUID>) outcome).refusal());
    }

    @PostMapping("/promotions")
    ResponseEntity<?> addPromotion(@AuthenticationPrincipal AccessTokenClaims caller, @Valid @RequestBody PromotionRequest request) {
        return created(inventory.addPromotion(Actors.of(caller), request.code(), request.kind(), request.value(), request.validFrom(),
                        request.validUntil(), Optional.ofNullable(request.usageLimit()), request.perGuestLimit(), request.minimumNights()),
                promotion -> "/api/v1/admin/promotions/" + promotion.id(),
                promotion -> Map.of("id", promotion.id(), "code", promotion.code(), "kind", promotion.kind().name(),
                        "value", promotion.value().toPlainString()));
    }

    private static <T> ResponseEntity<?> created(Outcome<T> outcome, Function<T, String> location, Function<T, Object> body) {
        if (outcome instanceof Outcome.Success<T> success) {
            return ResponseEntity.status(HttpStatus.CREATED).location(URI.create(location.apply(success.value()))).body(body.apply(success.value()));
        }
        return Refusals.toProblem(((Outcome.Refused<T>) outcome).refusal());
    }

    private static Map<String, Object> json(RoomType type) {
        return Map.of("id", type.id().value(), "name", type.name(), "description", type.description(), "maxOccupancy", type.maxOccupancy(),
                "baseRate", MoneyJson.of(type.baseRate()), "amenities", type.amenities());
    }

    private static Map<String, Object> json(RatePlan plan) {
        return Map.of("id", plan.id(), "roomTypeId", plan.roomType().value(), "name", plan.name(), "validFrom", plan.validFrom(),
                "validUntil", plan.validUntil(), "weekdayRate", MoneyJson.of(plan.weekdayRate()), "weekendRate", MoneyJson.of(plan.weekendRate()),
                "minimumStay", plan.minimumStay());
    }

    private static List<String> amenities(List<String> amenities) {
        return amenities == null ? List.of() : amenities.stream().map(String::strip).toList();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
