package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase.ClosureLine;
import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase.PromotionLine;
import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase.RoomLine;
import com.westbethel.motel.application.booking.port.in.ViewInventoryUseCase.RoomTypeLine;
import com.westbethel.motel.application.booking.port.out.InventoryAdmin.RoomFacts;
import com.westbethel.motel.application.booking.port.out.InventoryEdits;
import com.westbethel.motel.application.booking.port.out.InventoryListing;
import com.westbethel.motel.application.booking.port.out.RoomTypePhotos;
import com.westbethel.motel.application.booking.service.InMemoryBooking.InMemoryBookings;
import com.westbethel.motel.application.booking.service.InMemoryBooking.InMemoryInventory;
import com.westbethel.motel.application.booking.service.InMemoryBooking.InMemoryPromotions;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.inventory.HousekeepingStatus;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.inventory.RoomTypePhoto;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The inventory console's ports over the booking fakes: what JdbcInventoryEdits, JdbcInventoryListing and JdbcRoomTypePhotos
 * do in SQL (InventoryConsoleApiIT proves those), in memory. A booking "holds" a room as {@code BookingStatus.holdsRoom} says.
 */
final class InMemoryInventoryConsole implements InventoryEdits, InventoryListing, RoomTypePhotos {

    private final InMemoryInventory inventory;
    private final InMemoryBookings bookings;
    private final InMemoryPromotions promotions;
    private final Map<RoomTypeId, RoomTypePhoto> photos = new HashMap<>();

    InMemoryInventoryConsole(InMemoryInventory inventory, InMemoryBookings bookings, InMemoryPromotions promotions) {
        this.inventory = inventory;
        this.bookings = bookings;
        this.promotions = promotions;
    }

    @Override
    public List<String> bookingsOfRoomTypeFrom(RoomTypeId roomType, LocalDate from) {
        return bookings.all().stream().filter(booking -> booking.roomType().equals(roomType) && InMemoryBookings.staying(booking)
                        && booking.stay().checkOut().isAfter(from))
                .sorted(Comparator.comparing(booking -> booking.stay().checkIn())).map(Booking::reference).toList();
    }

    @Override
    public boolean roomEverBooked(RoomId room) {
        return bookings.all().stream().anyMatch(booking -> booking.room().equals(room));
    }

    @Override
    public boolean roomTypeEverBooked(RoomTypeId roomType) {
        return bookings.all().stream().anyMatch(booking -> booking.roomType().equals(roomType));
    }

    @Override
    public List<String> roomNumbers(RoomTypeId roomType) {
        return inventory.rooms().stream().filter(room -> room.roomType().equals(roomType)).map(RoomFacts::number).sorted().toList();
    }

    @Override
    public boolean roomNumberTaken(PropertyId property, String number, RoomId except) {
        return inventory.rooms().stream().anyMatch(room -> room.property().equals(property) && room.number().equals(number) && !room.id().equals(except));
    }

    @Override
    public void updateRoom(RoomId room, RoomTypeId roomType, String number, int floor) {
        RoomFacts was = inventory.room(room).orElseThrow();
        inventory.replaceRoom(new RoomFacts(room, was.property(), roomType, number, floor, was.inService()));
    }

    @Override
    public void removeRoom(RoomId room) {
        inventory.removeRoom(room);
    }

    @Override
    public void retireRoomType(RoomTypeId roomType, Instant at) {
        inventory.retire(roomType);
    }

    @Override
    public void removeRoomType(RoomTypeId roomType) {
        inventory.removeRoomType(roomType);
        photos.remove(roomType);
    }

    @Override
    public Optional<Closure> closure(UUID closureId) {
        return inventory.closures().stream().filter(closure -> closure.id().equals(closureId)).findFirst();
    }

    @Override
    public void removeClosure(Closure closure) {
        inventory.removeClosure(closure.id());
    }

    @Override
    public void updateRatePlan(RatePlan ratePlan) {
        inventory.replaceRatePlan(ratePlan);
    }

    @Override
    public Optional<PromotionFacts> promotion(UUID promotionId) {
        return promotions.all().stream().filter(promotion -> promotion.id().equals(promotionId)).findFirst()
                .map(promotion -> new PromotionFacts(promotion, used(promotion), promotions.retired(promotion)));
    }

    private boolean used(Promotion promotion) {
        return promotions.uses(promotion) > 0
                || bookings.all().stream().anyMatch(booking -> booking.promotionCode().equals(Optional.of(promotion.code())));
    }

    @Override
    public boolean promotionCodeTaken(String code, UUID except) {
        return promotions.all().stream().anyMatch(promotion -> promotion.code().equals(code) && !promotion.id().equals(except));
    }

    @Override
    public void updatePromotion(Promotion promotion, String previousCode) {
        promotions.replace(promotion, previousCode);
    }

    @Override
    public void retirePromotion(Promotion promotion, Instant at) {
        promotions.retire(promotion);
    }

    @Override
    public void removePromotion(Promotion promotion) {
        promotions.remove(promotion);
    }

    @Override
    public List<RoomTypeLine> roomTypes(PropertyId property) {
        return inventory.allRoomTypes().stream().filter(type -> type.property().equals(property)).sorted(Comparator.comparing(RoomType::name))
                .map(type -> new RoomTypeLine(type, inventory.retired(type.id()), photos.containsKey(type.id()))).toList();
    }

    @Override
    public List<RoomLine> rooms(PropertyId property, LocalDate today) {
        return inventory.rooms().stream().filter(room -> room.property().equals(property)).sorted(Comparator.comparing(RoomFacts::number))
                .map(room -> new RoomLine(room.id().value(), room.number(), room.floor(), room.roomType().value(),
                        inventory.roomType(room.roomType()).map(RoomType::name).orElseThrow(), room.inService(), HousekeepingStatus.CLEAN,
                        inventory.closures().stream().filter(closure -> closure.room().equals(room.id()) && closure.ends().isAfter(today))
                                .sorted(Comparator.comparing(Closure::starts))
                                .map(closure -> new ClosureLine(closure.id(), closure.starts(), closure.ends(), closure.reason())).toList()))
                .toList();
    }

    @Override
    public List<RatePlan> ratePlans(PropertyId property) {
        return inventory.allRatePlans();
    }

    @Override
    public List<PromotionLine> promotions(int limit) {
        return promotions.all().stream().sorted(Comparator.comparing(Promotion::validUntil).reversed()).limit(limit)
                .map(promotion -> new PromotionLine(promotion, promotions.uses(promotion), promotions.retired(promotion))).toList();
    }

    @Override
    public void store(RoomTypeId roomType, RoomTypePhoto photo, Instant at) {
        photos.put(roomType, photo);
    }

    @Override
    public boolean remove(RoomTypeId roomType) {
        return photos.remove(roomType) != null;
    }

    @Override
    public Optional<RoomTypePhoto> photo(RoomTypeId roomType) {
        return Optional.ofNullable(photos.get(roomType));
    }
}
