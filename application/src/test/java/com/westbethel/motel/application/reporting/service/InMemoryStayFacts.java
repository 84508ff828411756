package com.westbethel.motel.application.reporting.service;

import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.reporting.port.out.StayFacts;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.booking.NightlyRate;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.reporting.ReportPeriod;
import com.westbethel.motel.domain.reporting.RetainedFee;
import com.westbethel.motel.domain.reporting.RoomNights;
import com.westbethel.motel.domain.reporting.SoldStay;
import com.westbethel.motel.domain.shared.Money;
import com.westbethel.motel.domain.stay.Stay;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The motel's rooms, closures, out-of-service periods, bookings and payments in memory, answering the report's facts by
 * the same rules as the SQL of JdbcStayFacts (and the room types and the property as the inventory does).
 */
final class InMemoryStayFacts implements StayFacts, Inventory {

    private static final Set<BookingStatus> SOLD = EnumSet.of(BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN, BookingStatus.CHECKED_OUT);

    record Room(RoomId id, RoomTypeId type) {
    }

    record Booked(RoomTypeId type, BookingStatus status, List<NightlyRate> nights, Money discount, Optional<Money> paid, Money refunded) {
    }

    private final List<Property> properties = new ArrayList<>();
    private final Map<RoomTypeId, RoomType> roomTypes = new LinkedHashMap<>();
    private final List<Room> rooms = new ArrayList<>();
    private final List<Map.Entry<RoomId, Stay>> closures = new ArrayList<>();
    private final List<Map.Entry<RoomId, LocalDate[]>> outOfService = new ArrayList<>();
    private final List<Booked> bookings = new ArrayList<>();

    void add(Property property) {
        properties.add(property);
    }

    void add(RoomType type) {
        roomTypes.put(type.id(), type);
    }

    RoomId room(RoomTypeId type) {
        Room room = new Room(RoomId.random(), type);
        rooms.add(room);
        return room.id();
    }

    void close(RoomId room, LocalDate starts, LocalDate ends) {
        closures.add(Map.entry(room, new Stay(starts, ends)));
    }

    /** Out of service from {@code starts}; {@code ends} null while still out. */
    void outOfService(RoomId room, LocalDate starts, LocalDate ends) {
        outOfService.add(Map.entry(room, new LocalDate[] {starts, ends}));
    }

    void book(Booked booked) {
        bookings.add(booked);
    }

    private boolean outOfOrder(Room room, LocalDate night) {
        return closures.stream().anyMatch(closure -> closure.getKey().equals(room.id()) && closure.getValue().includesNight(night))
                || outOfService.stream().anyMatch(period -> period.getKey().equals(room.id()) && !night.isBefore(period.getValue()[0])
                        && (period.getValue()[1] == null || night.isBefore(period.getValue()[1])));
    }

    @Override
    public List<RoomNights> supply(PropertyId property, ReportPeriod period) {
        List<RoomNights> supply = new ArrayList<>();
        period.dates().forEach(night -> roomTypes.keySet().forEach(type -> {
            List<Room> ofType = rooms.stream().filter(room -> room.type().equals(type)).toList();
            if (!ofType.isEmpty()) {
                supply.add(new RoomNights(night, type, ofType.size(), (int) ofType.stream().filter(room -> outOfOrder(room, night)).count()));
            }
        }));
        return supply;
    }

    @Override
    public List<SoldStay> soldStays(PropertyId property, ReportPeriod period) {
        return bookings.stream()
                .filter(booked -> SOLD.contains(booked.status()) && booked.nights().stream().anyMatch(night -> period.includes(night.night())))
                .map(booked -> new SoldStay(booked.type(), booked.nights(), booked.discount()))
                .toList();
    }

    @Override
    public List<RetainedFee> retainedFees(PropertyId property, ReportPeriod period) {
        return bookings.stream()
                .filter(booked -> (booked.status() == BookingStatus.CANCELLED || booked.status() == BookingStatus.NO_SHOW) && booked.paid().isPresent()
                        && period.includes(booked.nights().get(0).night()))
                .map(booked -> new RetainedFee(booked.nights().get(0).night(), booked.type(), booked.paid().get().minus(booked.refunded())))
                .filter(fee -> !fee.amount().isZero())
                .toList();
    }

    @Override
    public Optional<Property> defaultProperty() {
        return properties.stream().findFirst();
    }

    @Override
    public Optional<Property> property(PropertyId id) {
        return properties.stream().filter(property -> property.id().equals(id)).findFirst();
    }

    @Override
    public List<RoomType> roomTypes(PropertyId property) {
        return roomTypes.values().stream().filter(type -> type.property().equals(property)).toList();
    }

    @Override
    public Optional<RoomType> roomType(RoomTypeId id) {
        return Optional.ofNullable(roomTypes.get(id));
    }

    @Override
    public List<RatePlan> ratePlans(PropertyId property, Stay stay) {
        return List.of();
    }

    @Override
    public Map<RoomTypeId, Integer> freeRooms(PropertyId property, Stay stay) {
        throw new UnsupportedOperationException("not a question the report asks");
    }

    @Override
    public Map<LocalDate, Map<RoomTypeId, Integer>> freeRoomsPerNight(PropertyId property, Stay nights) {
        throw new UnsupportedOperationException("not a question the report asks");
    }

    @Override
    public String roomNumber(RoomId room) {
        throw new UnsupportedOperationException("not a question the report asks");
    }
}
