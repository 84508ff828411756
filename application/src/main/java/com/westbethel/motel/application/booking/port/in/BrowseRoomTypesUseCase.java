package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.RoomType;
import java.util.List;
import java.util.Optional;

/** Anyone looks at what the motel offers. */
public interface BrowseRoomTypesUseCase {

    List<RoomType> roomTypes();

    /** The motel guests book at: its name, time zone (in which pages tell times), check-in and check-out times and policy. */
    Optional<Property> motel();
}
