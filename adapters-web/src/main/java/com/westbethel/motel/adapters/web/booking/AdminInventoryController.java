package com.westbethel.motel.adapters.web.booking;

import com.westbethel.motel.application.booking.port.in.ManageInventoryUseCase;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
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

/**
 * /api/v1/admin inventory (staff and admins): adding room types, rooms and closures, rate plans, promotion codes; the lists,
 * changes and removals are {@link InventoryConsoleController}'s.
 */
@Tag(name = "Inventory")
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
            @NotNull @DecimalMin("0.01") @Digits(integer = 8, fraction = 2) @Schema(format = "decimal", example = "129.00", description = "An amount: a JSON number, or a decimal string as money is written in answers") BigDecimal baseRate,
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
            @NotNull @DecimalMin("0.01") @Digits(integer = 8, fraction = 2) @Schema(format = "decimal", example = "149.00", description = "An amount: a JSON number, or a decimal string as money is written in answers") BigDecimal weekdayRate,
            @NotNull @DecimalMin("0.01") @Digits(integer = 8, fraction = 2) @Schema(format = "decimal", example = "179.00", description = "An amount: a JSON number, or a decimal string as money is written in answers") BigDecimal weekendRate,
            @NotNull @Min(1) @Max(30) @Schema(example = "2") Integer minimumStay) {
    }

    record PromotionRequest(@NotBlank @Size(max = 32) @Schema(example = "123456") String code,
            @NotNull @Schema(example = "PERCENT") Promotion.Kind kind,
            @NotNull @DecimalMin("0.01") @Digits(integer = 8, fraction = 2) @Schema(format = "decimal", example = "10.00", description = "An amount: a JSON number, or a decimal string as money is written in answers") BigDecimal value,
            @NotNull @Schema(example = "2027-06-15") LocalDate validFrom,
            @NotNull @Schema(example = "2027-09-15") LocalDate validUntil,
            @Min(1) @Schema(example = "500") Integer usageLimit, @NotNull @Min(1) @Schema(example = "1") Integer perGuestLimit,
            @NotNull @Min(1) @Max(30) @Schema(example = "2") Integer minimumNights) {
    }

    record CreatedJson(UUID id) {
    }

    record RatePlanJson(UUID id, UUID roomTypeId, String name, LocalDate validFrom, LocalDate validUntil, MoneyJson weekdayRate,
            MoneyJson weekendRate, int minimumStay) {
    }

    record PromotionJson(UUID id, String code, String kind, @Schema(example = "10.00") String value) {
    }

    @Operation(summary = "Add a room type")
    @ApiResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = BookingController.RoomTypeJson.class)))
    @PostMapping("/room-types")
    ResponseEntity<?> addRoomType(@AuthenticationPrincipal AccessTokenClaims caller, @Valid @RequestBody RoomTypeRequest request) {
        return created(inventory.addRoomType(Actors.of(caller), request.name(), nonNull(request.description()), request.maxOccupancy(),
                request.baseRate(), amenities(request.amenities())), type -> "/api/v1/room-types#" + type.id(), AdminInventoryController::json);
    }

    @Operation(summary = "Change a room type")
    @ApiResponse(responseCode = "200", description = "Changed", content = @Content(schema = @Schema(implementation = BookingController.RoomTypeJson.class)))
    @PutMapping("/room-types/{id}")
    ResponseEntity<?> updateRoomType(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id,
            @Valid @RequestBody RoomTypeRequest request) {
        return inventory.updateRoomType(Actors.of(caller), id, request.name(), nonNull(request.description()), request.maxOccupancy(),
                request.baseRate(), amenities(request.amenities())).fold(type -> ResponseEntity.ok(json(type)), Refusals::toProblem);
    }

    @Operation(summary = "Add a room")
    @ApiResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = CreatedJson.class)))
    @PostMapping("/rooms")
    ResponseEntity<?> addRoom(@AuthenticationPrincipal AccessTokenClaims caller, @Valid @RequestBody RoomRequest request) {
        return created(inventory.addRoom(Actors.of(caller), request.roomTypeId(), request.number(), request.floor()),
                room -> "/api/v1/admin/rooms/" + room, CreatedJson::new);
    }

    @Operation(summary = "Take a room out of service, or back")
    @ApiResponse(responseCode = "204", description = "Changed")
    @PutMapping("/rooms/{id}/service")
    ResponseEntity<?> setInService(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @Valid @RequestBody ServiceRequest request) {
        return noContent(inventory.setRoomInService(Actors.of(caller), id, request.inService()));
    }

    @Operation(summary = "Close a room for some nights")
    @ApiResponse(responseCode = "201", description = "Closed", content = @Content(schema = @Schema(implementation = CreatedJson.class)))
    @PostMapping("/rooms/{id}/closures")
    ResponseEntity<?> close(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @Valid @RequestBody ClosureRequest request) {
        return created(inventory.closeRoom(Actors.of(caller), id, request.starts(), request.ends(), request.reason()),
                closure -> "/api/v1/admin/rooms/" + id + "/closures/" + closure, CreatedJson::new);
    }

    @Operation(summary = "Add a seasonal rate plan")
    @ApiResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = RatePlanJson.class)))
    @PostMapping("/rate-plans")
    ResponseEntity<?> addRatePlan(@AuthenticationPrincipal AccessTokenClaims caller, @Valid @RequestBody RatePlanRequest request) {
        return created(inventory.addRatePlan(Actors.of(caller), request.roomTypeId(), request.name(), request.validFrom(), request.validUntil(),
                request.weekdayRate(), request.weekendRate(), request.minimumStay()), plan -> "/api/v1/admin/rate-plans/" + plan.id(),
                AdminInventoryController::json);
    }

    @Operation(summary = "Remove a rate plan")
    @ApiResponse(responseCode = "204", description = "Removed")
    @DeleteMapping("/rate-plans/{id}")
    ResponseEntity<?> removeRatePlan(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id) {
        return noContent(inventory.removeRatePlan(Actors.of(caller), id));
    }

    @Operation(summary = "Add a promotion code")
    @ApiResponse(responseCode = "201", description = "Added", content = @Content(schema = @Schema(implementation = PromotionJson.class)))
    @PostMapping("/promotions")
    ResponseEntity<?> addPromotion(@AuthenticationPrincipal AccessTokenClaims caller, @Valid @RequestBody PromotionRequest request) {
        return created(inventory.addPromotion(Actors.of(caller), request.code(), request.kind(), request.value(), request.validFrom(),
                        request.validUntil(), Optional.ofNullable(request.usageLimit()), request.perGuestLimit(), request.minimumNights()),
                promotion -> "/api/v1/admin/promotions/" + promotion.id(), AdminInventoryController::json);
    }

    private static <T> ResponseEntity<?> created(Outcome<T> outcome, Function<T, String> location, Function<T, Object> body) {
        return outcome.fold(
                value -> ResponseEntity.status(HttpStatus.CREATED).location(URI.create(location.apply(value))).body(body.apply(value)),
                Refusals::toProblem);
    }

    private static ResponseEntity<?> noContent(Outcome<UUID> outcome) {
        return outcome.fold(changed -> ResponseEntity.noContent().build(), Refusals::toProblem);
    }

    private static BookingController.RoomTypeJson json(RoomType type) {
        return new BookingController.RoomTypeJson(type.id().value(), type.name(), type.description(), type.maxOccupancy(),
                MoneyJson.of(type.baseRate()), type.amenities());
    }

    static PromotionJson json(Promotion promotion) {
        return new PromotionJson(promotion.id(), promotion.code(), promotion.kind().name(), promotion.value().toPlainString());
    }

    static RatePlanJson json(RatePlan plan) {
        return new RatePlanJson(plan.id(), plan.roomType().value(), plan.name(), plan.validFrom(), plan.validUntil(),
                MoneyJson.of(plan.weekdayRate()), MoneyJson.of(plan.weekendRate()), plan.minimumStay());
    }

    private static List<String> amenities(List<String> amenities) {
        return amenities == null ? List.of() : amenities.stream().map(String::strip).toList();
    }

    private static String nonNull(String text) {
        return text == null ? "" : text;
    }
}
