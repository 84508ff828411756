package com.westbethel.motel.domain.reporting;

import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.shared.Money;
import java.time.LocalDate;

/** What a cancelled or no-show booking kept of its payment (paid less refunded), counted on its first night. */
public record RetainedFee(LocalDate night, RoomTypeId roomType, Money amount) {
}
