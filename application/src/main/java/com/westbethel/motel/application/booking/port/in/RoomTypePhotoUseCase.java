package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.domain.inventory.RoomTypePhoto;
import java.util.Optional;
import java.util.UUID;

/** A room type's optional photo: staff upload or remove it (audited); anyone may see it. */
public interface RoomTypePhotoUseCase {

    /** Refused unless the bytes are a JPEG, PNG or WebP image ({@link Refusal.Kind#UNSUPPORTED_MEDIA}) of at most the size allowed. */
    Outcome<String> setPhoto(Actor staff, UUID roomTypeId, byte[] bytes);

    Outcome<UUID> removePhoto(Actor staff, UUID roomTypeId);

    Optional<RoomTypePhoto> photo(UUID roomTypeId);
}
