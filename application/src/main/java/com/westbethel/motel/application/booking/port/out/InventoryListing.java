package com.westbethel.motel.application.booking.port.out;

import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase.PromotionLine;
import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase.RoomLine;
import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase.RoomTypeLine;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RatePlan;
import java.time.LocalDate;
import java.util.List;

/** The inventory as the staff console lists it, straight from the database (never a cached copy: staff act on what they read). */
public interface InventoryListing {

    /** By name, the retired ones too. */
    List<RoomTypeLine> roomTypes(PropertyId property);

    /** By number, each with its closures that have a night from {@code today} on. */
    List<RoomLine> rooms(PropertyId property, LocalDate today);

    /** By room type's name and start. */
    List<RatePlan> ratePlans(PropertyId property);

    /** The newest {@code limit} (by end of validity, latest first). */
    List<PromotionLine> promotions(int limit);
}
