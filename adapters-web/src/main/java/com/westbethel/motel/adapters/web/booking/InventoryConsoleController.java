package com.westbethel.motel.adapters.web.booking;

import com.westbethel.motel.adapters.web.booking.AdminInventoryController.PromotionRequest;
import com.westbethel.motel.adapters.web.booking.AdminInventoryController.RatePlanRequest;
import com.westbethel.motel.adapters.web.booking.AdminInventoryController.RoomRequest;
import com.westbethel.motel.adapters.web.problem.Problems;
import com.westbethel.motel.application.booking.port.in.ChangeInventoryUseCase;
import com.westbethel.motel.application.booking.port.in.ChangeInventoryUseCase.Removal;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.RoomTypePhotoUseCase;
import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase;
import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase.InventoryView;
import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase.PromotionLine;
import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase.RoomLine;
import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase.RoomTypeLine;
import com.westbethel.motel.application.identity.port.out.AccessTokenClaims;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypePhoto;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The staff console's inventory (staff and admins, under /api/v1/admin): the lists, the changes and removals the adding
 * endpoints of {@link AdminInventoryController} lacked, and room types' photos, which anyone may see. A removal answers
 * what became of the item: {@code DELETED}, or {@code RETIRED} when bookings refer to it. A change that would leave
 * bookings from today on without their room is a 409 {@code bookings-ahead} naming them by reference.
 */
@Tag(name = "Inventory")
@RestController
class InventoryConsoleController {

    private static final String IMAGE_TYPES = "JPEG, PNG or WebP image, at most 2 MB; its kind is read from its bytes";

    private final ViewInventoryUseCase view;
    private final ChangeInventoryUseCase changes;
    private final RoomTypePhotoUseCase photos;

    InventoryConsoleController(ViewInventoryUseCase view, ChangeInventoryUseCase changes, RoomTypePhotoUseCase photos) {
        this.view = view;
        this.changes = changes;
        this.photos = photos;
    }

    record InventoryRoomTypeJson(UUID id, @Schema(example = "Loft") String name, String description, @Schema(example = "3") int maxOccupancy,
            MoneyJson baseRate, List<String> amenities, @Schema(description = "No longer offered: bookings refer to it, so it was retired") boolean retired,
            @Schema(description = "Where its photo is served, when it has one", example = "/api/v1/room-types/5e7b3e10-0000-4000-8000-0000000000a1/photo")
            Optional<String> photo) {
    }

    record InventoryRoomTypesJson(List<InventoryRoomTypeJson> roomTypes) {
    }

    record InventoryClosureJson(UUID closureId, @Schema(example = "2027-11-01") LocalDate starts, @Schema(example = "2027-11-04") LocalDate ends,
            @Schema(example = "Repainting") String reason) {
    }

    record InventoryRoomJson(UUID roomId, @Schema(example = "301") String number, int floor, UUID roomTypeId, @Schema(example = "Loft") String roomType,
            boolean inService, @Schema(example = "CLEAN") String housekeeping,
            @Schema(description = "Closures with a night from today on, earliest first") List<InventoryClosureJson> closures) {
    }

    record InventoryRoomsJson(@Schema(description = "The motel's date: closures ahead are those with a night from it on") LocalDate date, List<InventoryRoomJson> rooms) {
    }

    record InventoryRatePlansJson(List<AdminInventoryController.RatePlanJson> ratePlans) {
    }

    record InventoryPromotionLineJson(UUID id, @Schema(example = "SUMMER10") String code, @Schema(example = "PERCENT") String kind,
            @Schema(example = "10.00") String value, LocalDate validFrom, LocalDate validUntil, Optional<Integer> usageLimit, int perGuestLimit,
            int minimumNights, @Schema(description = "Bookings that redeemed it and still count") int uses,
            @Schema(description = "No longer redeemable: bookings used it, so it was retired") boolean retired) {
    }

    record InventoryPromotionsJson(@Schema(description = "The newest promotions (latest end of validity first), at most this many") int limit,
            List<InventoryPromotionLineJson> promotions) {
    }

    record InventoryRemovalJson(UUID id, @Schema(description = "DELETED, or RETIRED when bookings refer to it (kept, no longer sold)") Removal result) {
    }

    @Operation(summary = "List the room types, the retired ones too")
    @GetMapping("/api/v1/admin/room-types")
    @ApiResponse(responseCode = "200", description = "By name", content = @Content(schema = @Schema(implementation = InventoryRoomTypesJson.class)))
    ResponseEntity<?> roomTypes() {
        return listed(inventory -> new InventoryRoomTypesJson(inventory.roomTypes().stream().map(InventoryConsoleController::json).toList()));
    }

    @Operation(summary = "List the rooms: service, housekeeping and closures ahead")
    @GetMapping("/api/v1/admin/rooms")
    @ApiResponse(responseCode = "200", description = "By number", content = @Content(schema = @Schema(implementation = InventoryRoomsJson.class)))
    ResponseEntity<?> rooms() {
        return listed(inventory -> new InventoryRoomsJson(inventory.today(), inventory.rooms().stream().map(InventoryConsoleController::json).toList()));
    }

    @Operation(summary = "List the rate plans")
    @GetMapping("/api/v1/admin/rate-plans")
    @ApiResponse(responseCode = "200", description = "By room type and start", content = @Content(schema = @Schema(implementation = InventoryRatePlansJson.class)))
    ResponseEntity<?> ratePlans() {
        return listed(inventory -> new InventoryRatePlansJson(inventory.ratePlans().stream().map(AdminInventoryController::json).toList()));
    }

    @Operation(summary = "List the promotion codes, newest first")
    @GetMapping("/api/v1/admin/promotions")
    @ApiResponse(responseCode = "200", description = "Latest end of validity first", content = @Content(schema = @Schema(implementation = InventoryPromotionsJson.class)))
    ResponseEntity<?> promotions() {
        return listed(inventory -> new InventoryPromotionsJson(ViewInventoryUseCase.PROMOTIONS_SHOWN,
                inventory.promotions().stream().map(InventoryConsoleController::json).toList()));
    }

    @Operation(summary = "Retire or delete a room type", description = "Refused (409) while it has rooms or bookings from today on")
    @ApiResponse(responseCode = "200", description = "Deleted, or retired", content = @Content(schema = @Schema(implementation = InventoryRemovalJson.class)))
    @DeleteMapping("/api/v1/admin/room-types/{id}")
    ResponseEntity<?> removeRoomType(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id) {
        return removed(id, changes.removeRoomType(Actors.of(caller), id));
    }

    @Operation(summary = "Change a room: its number, floor or room type")
    @ApiResponse(responseCode = "204", description = "Changed")
    @PutMapping("/api/v1/admin/rooms/{id}")
    ResponseEntity<?> updateRoom(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @Valid @RequestBody RoomRequest request) {
        return changes.updateRoom(Actors.of(caller), id, request.roomTypeId(), request.number(), request.floor())
                .fold(changed -> ResponseEntity.noContent().build(), Refusals::toProblem);
    }

    @Operation(summary = "Retire or delete a room", description = "A room once booked is retired (out of service for good); refused (409) "
            + "while bookings hold it from today on")
    @ApiResponse(responseCode = "200", description = "Deleted, or retired", content = @Content(schema = @Schema(implementation = InventoryRemovalJson.class)))
    @DeleteMapping("/api/v1/admin/rooms/{id}")
    ResponseEntity<?> removeRoom(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id) {
        return removed(id, changes.removeRoom(Actors.of(caller), id));
    }

    @Operation(summary = "Remove a room's closure")
    @ApiResponse(responseCode = "204", description = "Removed: the room is open again for those nights")
    @DeleteMapping("/api/v1/admin/rooms/{id}/closures/{closure}")
    ResponseEntity<?> reopen(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @PathVariable UUID closure) {
        return changes.reopenRoom(Actors.of(caller), id, closure).fold(removed -> ResponseEntity.noContent().build(), Refusals::toProblem);
    }

    @Operation(summary = "Change a rate plan", description = "Bookings keep the rates they were quoted")
    @ApiResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = AdminInventoryController.RatePlanJson.class)))
    @PutMapping("/api/v1/admin/rate-plans/{id}")
    ResponseEntity<?> updateRatePlan(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id,
            @Valid @RequestBody RatePlanRequest request) {
        return changes.updateRatePlan(Actors.of(caller), id, request.roomTypeId(), request.name(), request.validFrom(), request.validUntil(),
                request.weekdayRate(), request.weekendRate(), request.minimumStay())
                .fold(plan -> ResponseEntity.ok(AdminInventoryController.json(plan)), Refusals::toProblem);
    }

    @Operation(summary = "Change a promotion code", description = "Bookings keep the discount they were given")
    @ApiResponse(responseCode = "200", description = "Changed",
            content = @Content(schema = @Schema(implementation = AdminInventoryController.PromotionJson.class)))
    @PutMapping("/api/v1/admin/promotions/{id}")
    ResponseEntity<?> updatePromotion(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id,
            @Valid @RequestBody PromotionRequest request) {
        return changes.updatePromotion(Actors.of(caller), id, request.code(), request.kind(), request.value(), request.validFrom(),
                        request.validUntil(), Optional.ofNullable(request.usageLimit()), request.perGuestLimit(), request.minimumNights())
                .fold(promotion -> ResponseEntity.ok(AdminInventoryController.json(promotion)), Refusals::toProblem);
    }

    @Operation(summary = "Retire or delete a promotion code", description = "A code bookings used is retired: no longer redeemable")
    @ApiResponse(responseCode = "200", description = "Deleted, or retired", content = @Content(schema = @Schema(implementation = InventoryRemovalJson.class)))
    @DeleteMapping("/api/v1/admin/promotions/{id}")
    ResponseEntity<?> removePromotion(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id) {
        return removed(id, changes.removePromotion(Actors.of(caller), id));
    }

    @Operation(summary = "Upload a room type's photo, replacing any", description = "The body is the image itself: a " + IMAGE_TYPES)
    @io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "application/octet-stream", schema = @Schema(type = "string", format = "binary"))})
    @ApiResponse(responseCode = "204", description = "Stored")
    @PutMapping(path = "/api/v1/admin/room-types/{id}/photo", consumes = {"image/jpeg", "image/png", "image/webp", "application/octet-stream"})
    ResponseEntity<?> setPhoto(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id, @Parameter(hidden = true) InputStream body)
            throws IOException {
        // One byte beyond the limit is enough to refuse it: a larger body is never read into memory.
        byte[] bytes = body.readNBytes(RoomTypePhoto.MAX_BYTES + 1);
        return photos.setPhoto(Actors.of(caller), id, bytes).fold(stored -> ResponseEntity.noContent().build(), Refusals::toProblem);
    }

    @Operation(summary = "Remove a room type's photo")
    @ApiResponse(responseCode = "204", description = "Removed")
    @DeleteMapping("/api/v1/admin/room-types/{id}/photo")
    ResponseEntity<?> removePhoto(@AuthenticationPrincipal AccessTokenClaims caller, @PathVariable UUID id) {
        return photos.removePhoto(Actors.of(caller), id).fold(removed -> ResponseEntity.noContent().build(), Refusals::toProblem);
    }

    @Operation(summary = "A room type's photo", description = "Served as the image it was read to be (" + IMAGE_TYPES + "), never sniffed")
    @ApiResponse(responseCode = "200", description = "The image", content = {
            @Content(mediaType = "image/jpeg", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "image/png", schema = @Schema(type = "string", format = "binary")),
            @Content(mediaType = "image/webp", schema = @Schema(type = "string", format = "binary"))})
    @GetMapping("/api/v1/room-types/{id}/photo")
    ResponseEntity<?> photo(@PathVariable UUID id) {
        return photos.photo(id)
                .<ResponseEntity<?>>map(photo -> ResponseEntity.ok()
                        .contentType(MediaType.parseMediaType(photo.mediaType()))
                        .header("X-Content-Type-Options", "nosniff")
                        .header(HttpHeaders.CONTENT_DISPOSITION, "inline")
                        .cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
                        .body(photo.bytes()))
                .orElseGet(() -> Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not Found",
                        "Room type " + id + " has no photo."));
    }

    private ResponseEntity<?> listed(Function<InventoryView, Object> list) {
        return view.inventory().<ResponseEntity<?>>map(inventory -> ResponseEntity.ok(list.apply(inventory)))
                .orElseGet(() -> Problems.problem(HttpStatus.NOT_FOUND, "not-found", "Not Found", "The motel is not set up yet."));
    }

    private static ResponseEntity<?> removed(UUID id, Outcome<Removal> outcome) {
        return outcome.fold(removal -> ResponseEntity.ok(new InventoryRemovalJson(id, removal)), Refusals::toProblem);
    }

    private static InventoryRoomTypeJson json(RoomTypeLine line) {
        RoomType type = line.roomType();
        return new InventoryRoomTypeJson(type.id().value(), type.name(), type.description(), type.maxOccupancy(), MoneyJson.of(type.baseRate()),
                type.amenities(), line.retired(), line.hasPhoto() ? Optional.of("/api/v1/room-types/" + type.id() + "/photo") : Optional.empty());
    }

    private static InventoryRoomJson json(RoomLine room) {
        return new InventoryRoomJson(room.roomId(), room.number(), room.floor(), room.roomTypeId(), room.roomType(), room.inService(),
                room.housekeeping().name(), room.closures().stream()
                .map(closure -> new InventoryClosureJson(closure.closureId(), closure.starts(), closure.ends(), closure.reason())).toList());
    }

    private static InventoryPromotionLineJson json(PromotionLine line) {
        var promotion = line.promotion();
        return new InventoryPromotionLineJson(promotion.id(), promotion.code(), promotion.kind().name(), promotion.value().toPlainString(),
                promotion.validFrom(), promotion.validUntil(), promotion.usageLimit(), promotion.perGuestLimit(), promotion.minimumNights(),
                line.uses(), line.retired());
    }
}
