package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.domain.inventory.RoomType;
import java.util.List;

/** Anyone looks at what the motel offers. */
public interface BrowseRoomTypesUseCase {

    List<RoomType> roomTypes();
}
