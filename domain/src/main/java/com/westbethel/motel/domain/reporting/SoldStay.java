package com.westbethel.motel.domain.reporting;

import com.westbethel.motel.domain.booking.NightlyRate;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.shared.Money;
import java.util.List;

/**
 * A booking that sold its nights (CONFIRMED, CHECKED_IN or CHECKED_OUT): every night of the stay as quoted, the range or
 * not, and the booking's whole discount, which is shared over all of them before the range picks its nights.
 */
public record SoldStay(RoomTypeId roomType, List<NightlyRate> nights, Money discount) {

    public SoldStay {
        nights = List.copyOf(nights);
    }
}
