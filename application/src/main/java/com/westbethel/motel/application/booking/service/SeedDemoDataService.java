package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.SeedDemoDataUseCase;
import com.westbethel.motel.application.booking.port.out.InventoryAdmin;
import com.westbethel.motel.domain.inventory.CancellationPolicy;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The West Bethel Motel for demos: four room types, sixteen rooms, a summer and a foliage season,
 * and the promotion code WELCOME10. Seeds only an empty system, so restarting seeds nothing twice.
 */
public record SeedDemoDataService(InventoryAdmin inventory, Clock clock) implements SeedDemoDataUseCase {

    public static final PropertyId WEST_BETHEL = new PropertyId(UUID.fromString("5e7b3e10-0000-4000-8000-000000000001"));
    private static final ZoneId MAINE = ZoneId.of("America/New_York");

    @Override
    public boolean seedDemoData() {
        if (inventory.anyProperty()) {
            return false;
        }
        inventory.addProperty(new Property(WEST_BETHEL, "West Bethel Motel", MAINE, Currency.getInstance("USD"), LocalTime.of(15, 0),
                LocalTime.of(11, 0), new CancellationPolicy(48)));
        RoomType queen = roomType("Queen Room", "One queen bed, mountain view, mini-fridge.", 2, "99.00", List.of("Wi-Fi", "TV", "Mini-fridge"));
        RoomType king = roomType("King Room", "One king bed and a reading chair.", 2, "119.00", List.of("Wi-Fi", "TV", "Coffee maker"));
        RoomType doubleQueen = roomType("Double Queen", "Two queen beds; good for families.", 4, "139.00", List.of("Wi-Fi", "TV", "Microwave"));
        RoomType suite = roomType("Family Suite", "Two rooms, kitchenette, sleeps six.", 6, "189.00", List.of("Wi-Fi", "TV", "Kitchenette"));
        rooms(queen, 1, "101", "102", "103", "104", "105", "106");
        rooms(king, 1, "107", "108", "109", "110");
        rooms(doubleQueen, 2, "201", "202", "203", "204");
        rooms(suite, 2, "205", "206");
        int year = LocalDate.now(clock.withZone(MAINE)).getYear();
        for (int season = year; season <= year + 1; season++) {
            for (RoomType type : List.of(queen, king, doubleQueen, suite)) {
                Money base = type.baseRate();
                inventory.addRatePlan(new RatePlan(UUID.randomUUID(), type.id(), "Summer " + season, LocalDate.of(season, 6, 15),
                        LocalDate.of(season, 9, 15), base.plus(Money.of("20.00", "USD")), base.plus(Money.of("40.00", "USD")), 2));
                inventory.addRatePlan(new RatePlan(UUID.randomUUID(), type.id(), "Foliage " + season, LocalDate.of(season, 9, 20),
                        LocalDate.of(season, 10, 20), base.plus(Money.of("30.00", "USD")), base.plus(Money.of("50.00", "USD")), 2));
            }
        }
        inventory.addPromotion(new Promotion(UUID.randomUUID(), "WELCOME10", Promotion.Kind.PERCENT, new BigDecimal("10"),
                LocalDate.of(year, 1, 1), LocalDate.of(year + 2, 1, 1), Optional.of(500), 1, 2));
        return true;
    }

    private RoomType roomType(String name, String description, int sleeps, String rate, List<String> amenities) {
        RoomType type = new RoomType(RoomTypeId.random(), WEST_BETHEL, name, description, sleeps, Money.of(rate, "USD"), amenities);
        inventory.addRoomType(type);
        return type;
    }

    private void rooms(RoomType type, int floor, String... numbers) {
        for (String number : numbers) {
            inventory.addRoom(RoomId.random(), WEST_BETHEL, type.id(), number, floor);
        }
    }
}
