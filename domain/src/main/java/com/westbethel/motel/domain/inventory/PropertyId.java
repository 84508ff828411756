package com.westbethel.motel.domain.inventory;

import java.util.Objects;
import java.util.UUID;

public record PropertyId(UUID value) {

    public PropertyId {
        Objects.requireNonNull(value, "value");
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
