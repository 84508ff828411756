package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.booking.port.out.IdempotencyKeys;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.Promotions;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.inventory.CancellationPolicy;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.shared.Money;
import com.westbethel.motel.domain.stay.Stay;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.IntStream;

/**
 * In-memory fakes of the booking ports, enough to book: one motel with one room type, bookings in a
 * list, promotions with their use counters. The database's own guarantees (no overlap, atomic counters)
 * are imitated with synchronized methods; the ITs prove the real ones.
 */
final class InMemoryBooking {

    final Property motel = new Property(new PropertyId(UUID.randomUUID()), "West Bethel Motel", ZoneId.of("America/New_York"),
            Currency.getInstance("USD"), LocalTime.of(15, 0), LocalTime.of(11, 0), new CancellationPolicy(48));
    final RoomType queen = new RoomType(RoomTypeId.random(), motel.id(), "Queen Room", "", 2, Money.of("100.00", "USD"), List.of());
    final InMemoryInventory inventory;
    final InMemoryBookings bookings = new InMemoryBookings();
    final InMemoryPromotions promotions = new InMemoryPromotions();
    final List<AuditEntry> audited = new ArrayList<>();

    InMemoryBooking(int rooms) {
        this.inventory = new InMemoryInventory(IntStream.range(0, rooms).mapToObj(number -> RoomId.random()).toList());
    }

    AuditLog auditLog() {
        return new AuditLog() {
            @Override
            public void append(AuditEntry entry) {
                audited.add(entry);
            }

            @Override
            public List<StoredEntry> forEntity(String entityType, String entityId, int limit) {
                return List.of();
            }

            @Override
            public Optional<BrokenLink> verify() {
                return Optional.empty();
            }
        };
    }

    /** Booking needs no keys unless the request sends one; these tests send none. */
    static IdempotencyKeys noIdempotencyKeys() {
        return new IdempotencyKeys() {
            @Override
            public Claim claim(String scope, String key, String requestFingerprint, Instant now) {
                return new Claim.New();
            }

            @Override
            public void complete(String scope, String key, UUID resourceId) {
            }

            @Override
            public long deleteCreatedBefore(Instant instant) {
                return 0;
            }
        };
    }

    final class InMemoryInventory implements Inventory {

        final List<RoomId> rooms;

        InMemoryInventory(List<RoomId> rooms) {
            this.rooms = rooms;
        }

        @Override
        public Optional<Property> defaultProperty() {
            return Optional.of(motel);
        }

        @Override
        public Optional<Property> property(PropertyId id) {
            return Optional.of(motel).filter(property -> property.id().equals(id));
        }

        @Override
        public List<RoomType> roomTypes(PropertyId property) {
            return List.of(queen);
        }

        @Override
        public Optional<RoomType> roomType(RoomTypeId id) {
            return Optional.of(queen).filter(type -> type.id().equals(id));
        }

        @Override
        public List<RatePlan> ratePlans(PropertyId property, Stay stay) {
            return List.of();
        }

        @Override
        public Map<RoomTypeId, Integer> freeRooms(PropertyId property, Stay stay) {
            return Map.of(queen.id(), (int) rooms.stream().filter(room -> bookings.free(room, stay)).count());
        }

        @Override
        public String roomNumber(RoomId room) {
            return String.valueOf(100 + rooms.indexOf(room));
        }
    }

    final class InMemoryBookings implements Bookings {

        private final List<Booking> all = new ArrayList<>();

        synchronized boolean free(RoomId room, Stay stay) {
            return all.stream().noneMatch(booking -> booking.room().equals(room) && holding(booking) && booking.stay().overlaps(stay));
        }

        @Override
        public synchronized Optional<Booking> holdFreeRoom(RoomTypeId roomType, Stay stay, Function<RoomId, Booking> bookingOfRoom) {
            return inventory.rooms.stream().filter(room -> free(room, stay)).findFirst().map(room -> {
                Booking booking = bookingOfRoom.apply(room);
                all.add(booking);
                return booking;
            });
        }

        @Override
        public synchronized Optional<Booking> find(BookingId id) {
            return all.stream().filter(booking -> booking.id().equals(id)).findFirst();
        }

        @Override
        public Optional<Booking> findForUpdate(BookingId id) {
            return find(id);
        }

        @Override
        public void update(Booking booking) {
        }

        @Override
        public Optional<RoomId> freeRoomForMove(BookingId booking, RoomTypeId roomType, String roomNumber, Stay stay) {
            return Optional.empty();
        }

        @Override
        public synchronized List<Booking> ofGuest(UserId guest, int page, int size) {
            return all.stream().filter(booking -> booking.guest().equals(guest)).skip((long) page * size).limit(size).toList();
        }

        @Override
        public synchronized long countOfGuest(UserId guest) {
            return all.stream().filter(booking -> booking.guest().equals(guest)).count();
        }

        @Override
        public synchronized List<Booking> all(int page, int size) {
            return all.stream().skip((long) page * size).limit(size).toList();
        }

        @Override
        public synchronized long countAll() {
            return all.size();
        }

        @Override
        public synchronized long unpaidHoldsOf(UserId guest, Instant now) {
            return all.stream().filter(booking -> booking.guest().equals(guest) && booking.status() == BookingStatus.PENDING_PAYMENT
                    && booking.holdExpiresAt().isAfter(now)).count();
        }

        @Override
        public synchronized List<BookingId> expiredHolds(Instant now, int limit) {
            return all.stream().filter(booking -> booking.status() == BookingStatus.PENDING_PAYMENT && !booking.holdExpiresAt().isAfter(now))
                    .map(Booking::id).limit(limit).toList();
        }

        private static boolean holding(Booking booking) {
            return booking.status() != BookingStatus.CANCELLED && booking.status() != BookingStatus.NO_SHOW;
        }
    }

    static final class InMemoryPromotions implements Promotions {

        private final Map<String, Promotion> byCode = new HashMap<>();
        private final Map<UUID, Integer> uses = new HashMap<>();
        private final Map<String, Integer> usesByGuest = new HashMap<>();

        synchronized void add(Promotion promotion) {
            byCode.put(promotion.code(), promotion);
        }

        synchronized int uses(Promotion promotion) {
            return uses.getOrDefault(promotion.id(), 0);
        }

        @Override
        public synchronized Optional<Promotion> byCode(String code) {
            return Optional.ofNullable(byCode.get(Promotion.normalise(code)));
        }

        @Override
        public synchronized Redemption redeem(Promotion promotion, UserId guest) {
            int used = uses.getOrDefault(promotion.id(), 0);
            if (promotion.usageLimit().isPresent() && used >= promotion.usageLimit().get()) {
                return Redemption.USED_UP;
            }
            String pair = promotion.id() + "/" + guest;
            if (usesByGuest.getOrDefault(pair, 0) >= promotion.perGuestLimit()) {
                return Redemption.ALREADY_USED_BY_GUEST;
            }
            uses.put(promotion.id(), used + 1);
            usesByGuest.merge(pair, 1, Integer::sum);
            return Redemption.REDEEMED;
        }

        @Override
        public synchronized void release(Promotion promotion, UserId guest) {
            uses.merge(promotion.id(), -1, Integer::sum);
            usesByGuest.merge(promotion.id() + "/" + guest, -1, Integer::sum);
        }
    }
}
