package com.westbethel.motel.application.booking.port.out;

import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.inventory.RoomTypePhoto;
import java.time.Instant;
import java.util.Optional;

/** Room types' photos, one each at most. */
public interface RoomTypePhotos {

    /** Replaces the type's photo, if it had one. */
    void store(RoomTypeId roomType, RoomTypePhoto photo, Instant at);

    /** Whether there was one to remove. */
    boolean remove(RoomTypeId roomType);

    Optional<RoomTypePhoto> photo(RoomTypeId roomType);
}
