package com.westbethel.motel.domain.inventory;

import java.util.Objects;
import java.util.UUID;

public record RoomTypeId(UUID value) {

    public RoomTypeId {
        Objects.requireNonNull(value, "value");
    }

    public static RoomTypeId random() {
        return new RoomTypeId(UUID.randomUUID());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
