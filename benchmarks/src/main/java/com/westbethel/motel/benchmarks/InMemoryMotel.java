package com.westbethel.motel.benchmarks;

import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.Promotions;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.inventory.CancellationPolicy;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.shared.Money;
import com.westbethel.motel.domain.stay.Stay;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;

/**
 * A motel the size the business plans for, held in memory behind the booking ports, for benchmarks of what the
 * application does with what the database answers: ten room types of four rooms each, a rate plan per type and month
 * for the year ahead (weekend rates, a minimum stay in high season), and bookings of 1 to 7 nights filling about
 * {@code occupancy} of the year's room nights. A room's booked nights are a bit set, so telling the free rooms costs
 * what an index lookup would, not a scan of every booking; only the promotion code lookup of {@link Promotions} works.
 */
final class InMemoryMotel implements Inventory, Promotions {

    static final int ROOM_TYPES = 10;
    static final int ROOMS_PER_TYPE = 4;

    private final Property property = new Property(new PropertyId(UUID.randomUUID()), "West Bethel Motel", ZoneId.of("America/New_York"),
            Currency.getInstance("USD"), LocalTime.of(15, 0), LocalTime.of(11, 0), new CancellationPolicy(48));
    private final LocalDate firstNight;
    private final List<RoomType> roomTypes = new ArrayList<>();
    private final List<RatePlan> ratePlans = new ArrayList<>();
    private final List<Room> rooms = new ArrayList<>();
    private final Map<String, Promotion> promotions = new HashMap<>();
    private int bookings;

    private record Room(RoomId id, RoomTypeId type, BitSet bookedNights) {
    }

    InMemoryMotel(LocalDate firstNight, double occupancy, long seed) {
        this.firstNight = firstNight;
        Random random = new Random(seed);
        for (int t = 0; t < ROOM_TYPES; t++) {
            RoomType type = new RoomType(RoomTypeId.random(), property.id(), "Room type " + t, "Sleeps " + (2 + t % 3), 2 + t % 3,
                    Money.of((79 + t * 15) + ".00", "USD"), List.of("Wi-Fi", "Kettle"));
            roomTypes.add(type);
            for (int month = 0; month < 12; month++) {
                int highSeason = month >= 5 && month <= 9 ? 40 : 0;
                ratePlans.add(new RatePlan(UUID.randomUUID(), type.id(), "Month " + month, firstNight.plusMonths(month),
                        firstNight.plusMonths(month + 1), type.baseRate().plus(Money.of(highSeason + ".00", "USD")),
                        type.baseRate().plus(Money.of((highSeason + 25) + ".00", "USD")), highSeason > 0 ? 2 : 1));
            }
            for (int r = 0; r < ROOMS_PER_TYPE; r++) {
                rooms.add(new Room(new RoomId(UUID.randomUUID()), type.id(), new BitSet(366)));
            }
        }
        for (Room room : rooms) {
            int night = random.nextInt(3);
            while (night < 365) {
                int nights = 1 + random.nextInt(7);
                if (random.nextDouble() < occupancy) {
                    room.bookedNights().set(night, Math.min(365, night + nights));
                    bookings++;
                }
                night += nights;
            }
        }
        promotions.put("WELCOME10", new Promotion(UUID.randomUUID(), "WELCOME10", Promotion.Kind.PERCENT, BigDecimal.TEN, firstNight,
                firstNight.plusYears(1), Optional.empty(), 1, 2));
    }

    int bookings() {
        return bookings;
    }

    @Override
    public Optional<Property> defaultProperty() {
        return Optional.of(property);
    }

    @Override
    public Optional<Property> property(PropertyId id) {
        return property.id().equals(id) ? Optional.of(property) : Optional.empty();
    }

    @Override
    public List<RoomType> roomTypes(PropertyId property) {
        return roomTypes;
    }

    @Override
    public Optional<RoomType> roomType(RoomTypeId id) {
        return roomTypes.stream().filter(type -> type.id().equals(id)).findFirst();
    }

    @Override
    public List<RatePlan> ratePlans(PropertyId property, Stay stay) {
        List<RatePlan> pricing = new ArrayList<>();
        for (RatePlan plan : ratePlans) {
            if (plan.validFrom().isBefore(stay.checkOut()) && plan.validUntil().isAfter(stay.checkIn())) {
                pricing.add(plan);
            }
        }
        return pricing;
    }

    @Override
    public Map<RoomTypeId, Integer> freeRooms(PropertyId property, Stay stay) {
        int from = (int) ChronoUnit.DAYS.between(firstNight, stay.checkIn());
        int until = from + stay.nights();
        Map<RoomTypeId, Integer> free = new HashMap<>();
        for (Room room : rooms) {
            int booked = room.bookedNights().nextSetBit(Math.max(0, from));
            if (booked < 0 || booked >= until) {
                free.merge(room.type(), 1, Integer::sum);
            }
        }
        return free;
    }

    @Override
    public Map<LocalDate, Map<RoomTypeId, Integer>> freeRoomsPerNight(PropertyId property, Stay nights) {
        Map<LocalDate, Map<RoomTypeId, Integer>> free = new HashMap<>();
        nights.nightsDates().forEach(night -> free.put(night, freeRooms(property, Stay.of(night, 1))));
        return free;
    }

    @Override
    public String roomNumber(RoomId room) {
        return String.valueOf(rooms.stream().map(Room::id).toList().indexOf(room) + 101);
    }

    @Override
    public Optional<Promotion> byCode(String code) {
        return Optional.ofNullable(promotions.get(code));
    }

    @Override
    public Redemption redeem(Promotion promotion, PromotionGuest guest, Optional<PromotionGuest> alsoKnownAs) {
        throw new UnsupportedOperationException("searching redeems nothing");
    }

    @Override
    public void release(Promotion promotion, PromotionGuest guest) {
        throw new UnsupportedOperationException("searching releases nothing");
    }
}
