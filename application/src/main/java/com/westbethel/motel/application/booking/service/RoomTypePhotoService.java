package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.RoomTypePhotoUseCase;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.RoomTypePhotos;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.inventory.RoomTypePhoto;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Room types' photos: only images of the accepted kinds, read from their bytes, and not too large; each change audited. */
public record RoomTypePhotoService(Inventory inventory, RoomTypePhotos photos, AuditLog audit, Clock clock) implements RoomTypePhotoUseCase {

    @Override
    public Outcome<String> setPhoto(Actor staff, UUID roomTypeId, byte[] bytes) {
        RoomTypeId type = new RoomTypeId(roomTypeId);
        if (inventory.roomType(type).isEmpty()) {
            return Outcome.refused(Refusal.notFound("There is no room type " + roomTypeId + "."));
        }
        Optional<RoomTypePhoto> photo = RoomTypePhoto.of(bytes);
        if (photo.isEmpty()) {
            return Outcome.refused(new Refusal(Refusal.Kind.UNSUPPORTED_MEDIA, "photo", "A photo is a JPEG, PNG or WebP image."));
        }
        if (photo.get().tooLarge()) {
            return Outcome.invalid("photo", "A photo is at most %d MB.".formatted(RoomTypePhoto.MAX_BYTES / (1024 * 1024)));
        }
        photos.store(type, photo.get(), clock.instant());
        audit.append(new AuditEntry(clock.instant(), staff.auditName(), "ROOM_TYPE_PHOTO_SET", "room-type", roomTypeId.toString(), Map.of(),
                Map.of("mediaType", photo.get().mediaType(), "bytes", String.valueOf(bytes.length))));
        return Outcome.success(photo.get().mediaType());
    }

    @Override
    public Outcome<UUID> removePhoto(Actor staff, UUID roomTypeId) {
        if (!photos.remove(new RoomTypeId(roomTypeId))) {
            return Outcome.refused(Refusal.notFound("Room type " + roomTypeId + " has no photo."));
        }
        audit.append(new AuditEntry(clock.instant(), staff.auditName(), "ROOM_TYPE_PHOTO_REMOVED", "room-type", roomTypeId.toString(), Map.of(),
                Map.of()));
        return Outcome.success(roomTypeId);
    }

    @Override
    public Optional<RoomTypePhoto> photo(UUID roomTypeId) {
        return photos.photo(new RoomTypeId(roomTypeId));
    }
}
