package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.BrowseRoomTypesUseCase;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.RoomType;
import java.util.List;
import java.util.Optional;

/** What the motel offers: the room types of the property guests book at (none before it is set up). */
public record BrowseRoomTypesService(Inventory inventory) implements BrowseRoomTypesUseCase {

    @Override
    public List<RoomType> roomTypes() {
        return inventory.defaultProperty().map(property -> inventory.roomTypes(property.id())).orElse(List.of());
    }

    @Override
    public Optional<Property> motel() {
        return inventory.defaultProperty();
    }
}
