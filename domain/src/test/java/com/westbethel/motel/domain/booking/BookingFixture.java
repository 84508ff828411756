package com.westbethel.motel.domain.booking;

import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.shared.Money;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Room types and rate plans in the motel's words, for the booking tests. */
final class BookingFixture {

    static final PropertyId WEST_BETHEL = new PropertyId(UUID.fromString("00000000-0000-0000-0000-000000000001"));
    static final LocalDate MONDAY = LocalDate.of(2027, 6, 7);

    private BookingFixture() {
    }

    static RoomType aQueenRoom() {
        return new RoomType(RoomTypeId.random(), WEST_BETHEL, "Queen Room", "One queen bed", 2, usd("99.00"), List.of("Wi-Fi"));
    }

    static RatePlan summerSeason(RoomType type, LocalDate from, LocalDate until, String weekday, String weekend, int minimumStay) {
        return new RatePlan(UUID.randomUUID(), type.id(), "Summer", from, until, usd(weekday), usd(weekend), minimumStay);
    }

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }
}
