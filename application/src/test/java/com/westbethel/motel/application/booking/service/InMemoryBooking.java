package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentStatus;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase.RefundView;
import com.westbethel.motel.application.booking.port.in.ViewLoyaltyUseCase.Movement;
import com.westbethel.motel.application.booking.port.out.BookingClaims;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.booking.port.out.IdempotencyKeys;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.InventoryAdmin;
import com.westbethel.motel.application.booking.port.out.InventoryEdits;
import com.westbethel.motel.application.booking.port.out.LoyaltyLedger;
import com.westbethel.motel.application.booking.port.out.ManageLinkTokens;
import com.westbethel.motel.application.booking.port.out.PaymentGateway;
import com.westbethel.motel.application.booking.port.out.Payments;
import com.westbethel.motel.application.support.RecordingTransactions;
import com.westbethel.motel.application.booking.port.out.Promotions;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.notification.event.NotificationEvent;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.shared.EmailAddress;
import com.westbethel.motel.domain.shared.Money;
import com.westbethel.motel.domain.stay.Stay;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * In-memory fakes of the booking ports. They keep what PostgreSQL keeps and imitate the guarantees the
 * services rely on: no two holding bookings share a room's night, a booking read is a copy until it is
 * updated, a use of a promotion code is given back when its booking stops holding its room (V13's trigger),
 * an Idempotency-Key is claimed once. The ITs prove the real ones.
 */
final class InMemoryBooking {

    private InMemoryBooking() {
    }

    /** Properties, room types, rooms and their closures, rate plans; promotion codes are kept by {@link InMemoryPromotions}. */
    static final class InMemoryInventory implements Inventory, InventoryAdmin {

        private final List<Property> properties = new ArrayList<>();
        private final Map<RoomTypeId, RoomType> roomTypes = new LinkedHashMap<>();
        private final Map<RoomId, RoomFacts> rooms = new LinkedHashMap<>();
        private final List<Closure> closures = new ArrayList<>();
        private final Map<UUID, RatePlan> ratePlans = new LinkedHashMap<>();
        private final Set<RoomTypeId> retired = new HashSet<>();
        private final InMemoryPromotions promotions;
        private InMemoryBookings bookings;

        InMemoryInventory(InMemoryPromotions promotions) {
            this.promotions = promotions;
        }

        /** The rooms' bookings, to tell which rooms are free. */
        void bookedIn(InMemoryBookings bookings) {
            this.bookings = bookings;
        }

        List<RoomId> roomsOf(RoomTypeId type) {
            return rooms.values().stream().filter(room -> room.roomType().equals(type)).map(RoomFacts::id).toList();
        }

        boolean closed(RoomId room, Stay stay) {
            return closures.stream().anyMatch(closure -> closure.room().equals(room) && closure.stay().overlaps(stay));
        }

        /** In service, not closed and not booked for any night of the stay, apart from the booking itself. */
        boolean free(RoomFacts room, Stay stay, Optional<BookingId> apartFrom) {
            return room.inService() && !closed(room.id(), stay) && bookings.free(room.id(), stay, apartFrom);
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
            return roomTypes.values().stream().filter(type -> type.property().equals(property) && !retired.contains(type.id()))
                    .sorted(Comparator.comparing((RoomType type) -> type.baseRate().amount()).thenComparing(RoomType::name)).toList();
        }

        @Override
        public Optional<RoomType> roomType(RoomTypeId id) {
            return Optional.ofNullable(roomTypes.get(id));
        }

        @Override
        public List<RatePlan> ratePlans(PropertyId property, Stay stay) {
            return ratePlans.values().stream().filter(plan -> stay.nightsDates().anyMatch(plan::covers)).toList();
        }

        @Override
        public Map<RoomTypeId, Integer> freeRooms(PropertyId property, Stay stay) {
            return rooms.values().stream().filter(room -> room.property().equals(property) && free(room, stay, Optional.empty()))
                    .collect(Collectors.groupingBy(RoomFacts::roomType, Collectors.summingInt(room -> 1)));
        }

        @Override
        public Map<LocalDate, Map<RoomTypeId, Integer>> freeRoomsPerNight(PropertyId property, Stay nights) {
            Map<LocalDate, Map<RoomTypeId, Integer>> free = new HashMap<>();
            nights.nightsDates().forEach(night -> {
                Map<RoomTypeId, Integer> thatNight = freeRooms(property, Stay.of(night, 1));
                if (!thatNight.isEmpty()) {
                    free.put(night, thatNight);
                }
            });
            return free;
        }

        @Override
        public String roomNumber(RoomId room) {
            return rooms.get(room).number();
        }

        @Override
        public boolean anyProperty() {
            return !properties.isEmpty();
        }

        @Override
        public void addProperty(Property property) {
            properties.add(property);
        }

        @Override
        public void addRoomType(RoomType roomType) {
            roomTypes.put(roomType.id(), roomType);
        }

        @Override
        public void addRoom(RoomId room, PropertyId property, RoomTypeId roomType, String number, int floor) {
            rooms.put(room, new RoomFacts(room, property, roomType, number, floor, true));
        }

        @Override
        public void addRatePlan(RatePlan ratePlan) {
            ratePlans.put(ratePlan.id(), ratePlan);
        }

        @Override
        public void addPromotion(Promotion promotion) {
            promotions.add(promotion);
        }

        @Override
        public void updateRoomType(RoomType roomType) {
            if (roomTypes.replace(roomType.id(), roomType) == null) {
                throw new IllegalStateException("no room type " + roomType.id() + " to update");
            }
        }

        @Override
        public boolean roomTypeNameTaken(PropertyId property, String name, Optional<RoomTypeId> except) {
            return roomTypes.values().stream().anyMatch(type -> type.property().equals(property) && type.name().equalsIgnoreCase(name)
                    && !except.equals(Optional.of(type.id())));
        }

        @Override
        public boolean roomNumberTaken(PropertyId property, String number) {
            return rooms.values().stream().anyMatch(room -> room.property().equals(property) && room.number().equals(number));
        }

        @Override
        public Optional<RoomFacts> room(RoomId room) {
            return Optional.ofNullable(rooms.get(room));
        }

        @Override
        public void setRoomInService(RoomId room, boolean inService, LocalDate today) {
            RoomFacts was = rooms.get(room);
            rooms.put(room, new RoomFacts(was.id(), was.property(), was.roomType(), was.number(), was.floor(), inService));
        }

        @Override
        public List<String> bookingsHoldingRoom(RoomId room, LocalDate starts, LocalDate ends) {
            return bookings.holding(room, new Stay(starts, ends));
        }

        @Override
        public void addClosure(UUID closureId, RoomId room, LocalDate starts, LocalDate ends, String reason) {
            closures.add(new Closure(closureId, room, new Stay(starts, ends), reason));
        }

        @Override
        public Optional<RatePlan> ratePlan(UUID ratePlanId) {
            return Optional.ofNullable(ratePlans.get(ratePlanId));
        }

        @Override
        public void removeRatePlan(UUID ratePlanId) {
            ratePlans.remove(ratePlanId);
        }

        @Override
        public boolean promotionCodeTaken(String code) {
            return promotions.byCode(code).isPresent();
        }

        // For the inventory console's fake (InMemoryInventoryConsole): what the SQL adapter changes and lists.

        List<RoomType> allRoomTypes() {
            return List.copyOf(roomTypes.values());
        }

        boolean retired(RoomTypeId type) {
            return retired.contains(type);
        }

        void retire(RoomTypeId type) {
            retired.add(type);
        }

        void removeRoomType(RoomTypeId type) {
            roomTypes.remove(type);
            ratePlans.values().removeIf(plan -> plan.roomType().equals(type));
        }

        List<RoomFacts> rooms() {
            return List.copyOf(rooms.values());
        }

        void replaceRoom(RoomFacts room) {
            rooms.put(room.id(), room);
        }

        void removeRoom(RoomId room) {
            rooms.remove(room);
            closures.removeIf(closure -> closure.room().equals(room));
        }

        List<InventoryEdits.Closure> closures() {
            return closures.stream().map(closure -> new InventoryEdits.Closure(closure.id(), closure.room(), rooms.get(closure.room()).property(),
                    closure.stay().checkIn(), closure.stay().checkOut(), closure.reason())).toList();
        }

        void removeClosure(UUID closureId) {
            closures.removeIf(closure -> closure.id().equals(closureId));
        }

        List<RatePlan> allRatePlans() {
            return List.copyOf(ratePlans.values());
        }

        void replaceRatePlan(RatePlan plan) {
            ratePlans.put(plan.id(), plan);
        }

        private record Closure(UUID id, RoomId room, Stay stay, String reason) {
        }
    }

    /** Bookings as stored: a read is a copy, so a change the service does not save is lost, as it would be. */
    static final class InMemoryBookings implements Bookings, BookingClaims {

        private final Map<BookingId, Booking> stored = new LinkedHashMap<>();
        private final InMemoryInventory inventory;
        private final InMemoryPromotions promotions;
        private final InMemoryPayments payments;

        InMemoryBookings(InMemoryInventory inventory, InMemoryPromotions promotions, InMemoryPayments payments) {
            this.inventory = inventory;
            this.promotions = promotions;
            this.payments = payments;
        }

        /** The booking as stored now. */
        Booking stored(UUID id) {
            return copy(stored.get(new BookingId(id)));
        }

        List<Booking> all() {
            return stored.values().stream().map(InMemoryBookings::copy).toList();
        }

        boolean free(RoomId room, Stay stay, Optional<BookingId> apartFrom) {
            return stored.values().stream().noneMatch(booking -> booking.room().equals(room) && booking.status().holdsRoom()
                    && booking.stay().overlaps(stay) && !apartFrom.equals(Optional.of(booking.id())));
        }

        /** Still needs its room: holds it, and has not checked out (early). */
        static boolean staying(Booking booking) {
            return booking.status().holdsRoom() && booking.status() != BookingStatus.CHECKED_OUT;
        }

        /** References of the bookings that need the room for a night of the stay, by check-in. */
        List<String> holding(RoomId room, Stay stay) {
            return stored.values().stream().filter(booking -> booking.room().equals(room) && staying(booking)
                            && booking.stay().overlaps(stay))
                    .sorted(Comparator.comparing(booking -> booking.stay().checkIn())).map(booking -> booking.reference().toString()).toList();
        }

        @Override
        public List<RoomId> freeRooms(RoomTypeId roomType, Stay stay) {
            return inventory.roomsOf(roomType).stream().filter(room -> free(room, stay)).toList();
        }

        @Override
        public Optional<Booking> holdFirstFree(List<RoomId> candidates, Function<RoomId, Booking> bookingOfRoom) {
            for (RoomId room : candidates) {
                Booking booking = bookingOfRoom.apply(room);
                if (free(room, booking.stay())) {
                    stored.put(booking.id(), copy(booking));
                    return Optional.of(booking);
                }
            }
            return Optional.empty();
        }

        private boolean free(RoomId room, Stay stay) {
            return inventory.free(inventory.room(room).orElseThrow(), stay, Optional.empty());
        }

        @Override
        public Optional<Booking> find(BookingId id) {
            return Optional.ofNullable(stored.get(id)).map(InMemoryBookings::copy);
        }

        @Override
        public Optional<Booking> findForUpdate(BookingId id) {
            return find(id);
        }

        @Override
        public void update(Booking booking) {
            Booking before = stored.put(booking.id(), copy(booking));
            // What V13's trigger does: a booking that stops holding its room gives its code's use back.
            if (before.status().holdsRoom() && !booking.status().holdsRoom()) {
                booking.promotionCode().flatMap(promotions::byCode).ifPresent(promotion -> promotions.release(promotion, promotionGuest(booking)));
            }
        }

        /** Whose use of a code a booking took: its account's, or its email address's when it has no account. */
        static Promotions.PromotionGuest promotionGuest(Booking booking) {
            return booking.account().<Promotions.PromotionGuest>map(Promotions.PromotionGuest.Account::new)
                    .orElseGet(() -> new Promotions.PromotionGuest.Email(booking.contact().email().orElseThrow()));
        }

        /** What JdbcBookings.claim does: the bookings, and the code uses they hold, move to the account. */
        @Override
        public int claim(UserId account, EmailAddress email) {
            List<Booking> claimed = stored.values().stream()
                    .filter(booking -> booking.account().isEmpty() && booking.contact().email().equals(Optional.of(email))).toList();
            for (Booking booking : claimed) {
                Booking mine = new Booking(booking.id(), booking.reference(), booking.property(), Optional.of(account), booking.contact(),
                        booking.roomType(), booking.room(), booking.stay(), booking.guests(), booking.price(), booking.promotionCode(),
                        booking.status(), booking.createdAt(), booking.holdExpiresAt(), booking.holdExtensions(), booking.refunded());
                stored.put(booking.id(), mine);
                if (booking.status().holdsRoom()) {
                    booking.promotionCode().flatMap(promotions::byCode).ifPresent(promotion -> promotions.move(promotion,
                            new Promotions.PromotionGuest.Email(email), new Promotions.PromotionGuest.Account(account)));
                }
            }
            return claimed.size();
        }

        @Override
        public Optional<RoomId> freeRoomForMove(BookingId booking, RoomTypeId roomType, String roomNumber, Stay stay) {
            return inventory.roomsOf(roomType).stream().map(room -> inventory.room(room).orElseThrow())
                    .filter(room -> room.number().equals(roomNumber) && inventory.free(room, stay, Optional.of(booking)))
                    .map(InventoryAdmin.RoomFacts::id)
                    .findFirst();
        }

        @Override
        public List<Booking> ofAccount(UserId account, int page, int size) {
            return newestFirst().filter(booking -> booking.account().equals(Optional.of(account))).skip((long) page * size).limit(size).toList();
        }

        @Override
        public long countOfAccount(UserId account) {
            return stored.values().stream().filter(booking -> booking.account().equals(Optional.of(account))).count();
        }

        @Override
        public List<Booking> all(int page, int size) {
            return newestFirst().skip((long) page * size).limit(size).toList();
        }

        @Override
        public long countAll() {
            return stored.size();
        }

        @Override
        public long unpaidHoldsOf(UserId account, Instant now) {
            return unpaidHolds(booking -> booking.account().equals(Optional.of(account)), now);
        }

        @Override
        public long unpaidHoldsNaming(EmailAddress email, Instant now) {
            return unpaidHolds(booking -> booking.contact().email().equals(Optional.of(email)), now);
        }

        private long unpaidHolds(Predicate<Booking> whose, Instant now) {
            return stored.values().stream().filter(booking -> whose.test(booking) && booking.status() == BookingStatus.PENDING_PAYMENT
                    && booking.holdExpiresAt().isAfter(now)).count();
        }

        @Override
        public List<BookingId> expiredHolds(Instant now, int limit) {
            // As JdbcBookings: a hold whose payment is in flight (PENDING) is left to that payment.
            return stored.values().stream().filter(booking -> booking.status() == BookingStatus.PENDING_PAYMENT && !booking.holdExpiresAt().isAfter(now))
                    .filter(booking -> payments.ofBooking(booking.id()).stream().noneMatch(payment -> payment.status() == PaymentStatus.PENDING))
                    .sorted(Comparator.comparing(Booking::holdExpiresAt)).map(Booking::id).limit(limit).toList();
        }

        private Stream<Booking> newestFirst() {
            List<Booking> inOrder = new ArrayList<>(stored.values());
            Collections.reverse(inOrder);
            return inOrder.stream().map(InMemoryBookings::copy);
        }

        private static Booking copy(Booking booking) {
            return new Booking(booking.id(), booking.reference(), booking.property(), booking.account(), booking.contact(), booking.roomType(),
                    booking.room(), booking.stay(), booking.guests(), booking.price(), booking.promotionCode(), booking.status(),
                    booking.createdAt(), booking.holdExpiresAt(), booking.holdExtensions(), booking.refunded());
        }
    }

    /** Promotion codes with their use counters, taken and given back one at a time as the database does. */
    static final class InMemoryPromotions implements Promotions {

        private final Map<String, Promotion> byCode = new LinkedHashMap<>();
        private final Set<String> retired = new HashSet<>();
        private final Map<UUID, Integer> uses = new HashMap<>();
        private final Map<String, Integer> usesByGuest = new HashMap<>();

        void add(Promotion promotion) {
            byCode.put(promotion.code(), promotion);
        }

        int uses(Promotion promotion) {
            return uses.getOrDefault(promotion.id(), 0);
        }

        @Override
        public Optional<Promotion> byCode(String code) {
            return Optional.ofNullable(byCode.get(Promotion.normalise(code))).filter(promotion -> !retired.contains(promotion.code()));
        }

        /** Every code, the retired ones too. */
        List<Promotion> all() {
            return List.copyOf(byCode.values());
        }

        boolean retired(Promotion promotion) {
            return retired.contains(promotion.code());
        }

        void replace(Promotion promotion, String previousCode) {
            byCode.remove(previousCode);
            byCode.put(promotion.code(), promotion);
        }

        void retire(Promotion promotion) {
            retired.add(promotion.code());
        }

        void remove(Promotion promotion) {
            byCode.remove(promotion.code());
            uses.remove(promotion.id());
        }

        @Override
        public Redemption redeem(Promotion promotion, PromotionGuest guest, Optional<PromotionGuest> alsoKnownAs) {
            int used = uses.getOrDefault(promotion.id(), 0);
            if (promotion.usageLimit().isPresent() && used >= promotion.usageLimit().get()) {
                return Redemption.USED_UP;
            }
            String pair = promotion.id() + "/" + guest;
            if (usesBy(promotion, guest) + alsoKnownAs.map(other -> usesBy(promotion, other)).orElse(0) >= promotion.perGuestLimit()) {
                return Redemption.ALREADY_USED_BY_GUEST;
            }
            uses.put(promotion.id(), used + 1);
            usesByGuest.merge(pair, 1, Integer::sum);
            return Redemption.REDEEMED;
        }

        @Override
        public void release(Promotion promotion, PromotionGuest guest) {
            uses.merge(promotion.id(), -1, Integer::sum);
            usesByGuest.merge(promotion.id() + "/" + guest, -1, Integer::sum);
        }

        /** The guest's uses of the code counted so far. */
        int usesBy(Promotion promotion, PromotionGuest guest) {
            return usesByGuest.getOrDefault(promotion.id() + "/" + guest, 0);
        }

        /** What JdbcBookings does at a claim: the use moves, unless the account's row has reached the per-guest limit. */
        void move(Promotion promotion, PromotionGuest from, PromotionGuest to) {
            if (usesBy(promotion, to) >= promotion.perGuestLimit()) {
                return;
            }
            usesByGuest.merge(promotion.id() + "/" + from, -1, Integer::sum);
            usesByGuest.merge(promotion.id() + "/" + to, 1, Integer::sum);
        }
    }

    /** Keys by scope; a second claim of a key sees the first one's fingerprint and what it created. */
    static final class InMemoryIdempotencyKeys implements IdempotencyKeys {

        private final Map<String, Instant> createdAt = new HashMap<>();
        private final Map<String, Claim.Existing> claimed = new HashMap<>();

        int size() {
            return claimed.size();
        }

        @Override
        public Claim claim(String scope, String key, String requestFingerprint, Instant now) {
            Claim.Existing existing = claimed.putIfAbsent(scope + "/" + key, new Claim.Existing(requestFingerprint, Optional.empty()));
            if (existing != null) {
                return existing;
            }
            createdAt.put(scope + "/" + key, now);
            return new Claim.New();
        }

        @Override
        public void complete(String scope, String key, UUID resourceId) {
            claimed.computeIfPresent(scope + "/" + key, (id, claim) -> new Claim.Existing(claim.requestFingerprint(), Optional.of(resourceId)));
        }

        @Override
        public long deleteCreatedBefore(Instant instant) {
            List<String> old = createdAt.entrySet().stream().filter(entry -> entry.getValue().isBefore(instant)).map(Map.Entry::getKey).toList();
            old.forEach(key -> {
                createdAt.remove(key);
                claimed.remove(key);
            });
            return old.size();
        }
    }

    /** Payments as recorded, each with the processor's reference and what was refunded of it. */
    static final class InMemoryPayments implements Payments {

        private final Map<UUID, PaymentView> recorded = new LinkedHashMap<>();
        private final Map<UUID, String> references = new HashMap<>();
        private final Map<UUID, Money> refunds = new HashMap<>();
        private final Map<UUID, Instant> refundedAt = new HashMap<>();

        List<PaymentView> all() {
            return List.copyOf(recorded.values());
        }

        Optional<Money> refunded(UUID payment) {
            return Optional.ofNullable(refunds.get(payment));
        }

        @Override
        public void record(PaymentView payment, Optional<String> gatewayReference) {
            recorded.put(payment.id(), payment);
            gatewayReference.ifPresent(reference -> references.put(payment.id(), reference));
        }

        private final Map<UUID, String> gatewayKeys = new HashMap<>();

        @Override
        public void recordDeskPayment(PaymentView payment) {
            // As V23's check: a desk payment is taken at once and never reaches the processor.
            if (!payment.method().atTheDesk() || payment.status() != PaymentStatus.SUCCEEDED) {
                throw new IllegalArgumentException("a desk payment is CASH or CARD_PRESENT, and taken (SUCCEEDED)");
            }
            recorded.put(payment.id(), payment);
        }

        @Override
        public void recordPending(PaymentView payment, String gatewayKey) {
            recorded.put(payment.id(), payment);
            gatewayKeys.put(payment.id(), gatewayKey);
        }

        @Override
        public void complete(UUID paymentId, PaymentStatus status, Optional<String> gatewayReference, Optional<String> declineReason, Instant at) {
            PaymentView pending = recorded.get(paymentId);
            if (pending == null || pending.status() != PaymentStatus.PENDING) {
                throw new IllegalStateException("payment " + paymentId + " is not pending");
            }
            recorded.put(paymentId, new PaymentView(paymentId, pending.bookingId(), status, pending.amount(), declineReason, pending.createdAt(),
                    pending.method()));
            gatewayReference.ifPresent(reference -> references.put(paymentId, reference));
        }

        private final Map<UUID, Instant> claimedUntil = new HashMap<>();

        @Override
        public Optional<PendingPayment> claimStalled(Instant before, Instant now, Duration lease) {
            return claim(payment -> true, before, now, lease);
        }

        @Override
        public Optional<PendingPayment> claimStalled(BookingId booking, Instant before, Instant now, Duration lease) {
            return claim(payment -> payment.bookingId().equals(booking.value()), before, now, lease);
        }

        private Optional<PendingPayment> claim(Predicate<PaymentView> which, Instant before, Instant now, Duration lease) {
            Optional<PaymentView> oldest = recorded.values().stream().filter(which)
                    .filter(payment -> payment.status() == PaymentStatus.PENDING && payment.createdAt().isBefore(before))
                    .filter(payment -> !claimedUntil.getOrDefault(payment.id(), Instant.MIN).isAfter(now))
                    .min(Comparator.comparing(PaymentView::createdAt));
            oldest.ifPresent(payment -> claimedUntil.put(payment.id(), now.plus(lease)));
            return oldest.map(payment -> new PendingPayment(payment.id(), payment.bookingId(), gatewayKeys.get(payment.id())));
        }

        @Override
        public void recordRefundedLateCharge(UUID paymentId, String gatewayReference, Instant at) {
            PaymentView declined = recorded.get(paymentId);
            recorded.put(paymentId, new PaymentView(paymentId, declined.bookingId(), PaymentStatus.REFUNDED, declined.amount(), Optional.empty(),
                    declined.createdAt()));
            references.put(paymentId, gatewayReference);
            recordRefund(paymentId, declined.amount(), at);
        }

        /** The processor's key each payment was charged under. */
        Optional<String> gatewayKey(UUID payment) {
            return Optional.ofNullable(gatewayKeys.get(payment));
        }

        @Override
        public Optional<PaymentView> find(UUID paymentId) {
            return Optional.ofNullable(recorded.get(paymentId));
        }

        @Override
        public Optional<SucceededPayment> succeededFor(BookingId booking) {
            return recorded.values().stream().filter(payment -> payment.bookingId().equals(booking.value()) && payment.status() == PaymentStatus.SUCCEEDED)
                    .findFirst().map(payment -> new SucceededPayment(payment.id(), payment.amount(), references.get(payment.id()), payment.method()));
        }

        @Override
        public void recordRefund(UUID paymentId, Money amount, Instant at) {
            refunds.merge(paymentId, amount, Money::plus);
            refundedAt.put(paymentId, at);
        }

        @Override
        public List<PaymentView> ofBooking(BookingId booking) {
            return recorded.values().stream().filter(payment -> payment.bookingId().equals(booking.value())).toList();
        }

        @Override
        public List<RefundView> refundsOf(BookingId booking) {
            return ofBooking(booking).stream().filter(payment -> refunds.containsKey(payment.id()))
                    .map(payment -> new RefundView(payment.id(), refunds.get(payment.id()), refundedAt.get(payment.id()))).toList();
        }
    }

    /**
     * A card processor in test mode: {@link #GOOD_CARD} is approved, {@link #DECLINED_CARD} declined; once per idempotency key.
     * It remembers whether a transaction was open when it was called, and can be made to fail, or to answer and then have
     * its caller stop, as a process that dies.
     */
    static final class FakeCardProcessor implements PaymentGateway {

        static final String GOOD_CARD = "tok_visa";
        static final String DECLINED_CARD = "tok_chargeDeclined";
        static final String DECLINE_REASON = "Your card was declined.";

        private final Map<String, Charge> chargesByKey = new LinkedHashMap<>();
        private final Map<String, Money> charged = new LinkedHashMap<>();
        private final Map<String, Money> refundsByKey = new LinkedHashMap<>();
        private RecordingTransactions transactions = new RecordingTransactions();
        private boolean chargedInTransaction;
        private Optional<RuntimeException> failure = Optional.empty();
        private Optional<RuntimeException> unreachable = Optional.empty();
        private Runnable whileCharging = () -> {
        };
        private Runnable onTheWay = () -> {
        };
        private final Set<String> lookupsFailing = new HashSet<>();

        /** What was charged, per processor reference. */
        Map<String, Money> charged() {
            return charged;
        }

        /** What was refunded, per refund key. */
        Map<String, Money> refunds() {
            return refundsByKey;
        }

        void watching(RecordingTransactions transactions) {
            this.transactions = transactions;
        }

        /** Whether any charge was made while a transaction was open. */
        boolean chargedInTransaction() {
            return chargedInTransaction;
        }

        /** The next charges: the processor is reached, charges, and then the failure stops the caller. */
        void failingAfterCharging(RuntimeException failure) {
            this.failure = Optional.of(failure);
        }

        /** The next charges never reach the processor: the caller stops before (a process that dies, a network that fails). */
        void unreachable(RuntimeException failure) {
            this.unreachable = Optional.of(failure);
        }

        /** Reachable again, failing no more. */
        void recovered() {
            this.unreachable = Optional.empty();
            this.failure = Optional.empty();
            this.lookupsFailing.clear();
        }

        /** Runs before the charge reaches the processor (a slow network, a slow processor): what happens elsewhere meanwhile. */
        void onTheWay(Runnable meanwhile) {
            this.onTheWay = meanwhile;
        }

        /** Lookups of the key fail (the processor cannot be reached for it) until {@link #recovered()}. */
        void lookupFailing(String key) {
            lookupsFailing.add(key);
        }

        /** Runs while the card is being charged: what happens elsewhere meanwhile. */
        void whileCharging(Runnable meanwhile) {
            this.whileCharging = meanwhile;
        }

        @Override
        public Charge charge(String paymentToken, Money amount, String idempotencyKey) {
            chargedInTransaction |= transactions.open();
            unreachable.ifPresent(stop -> {
                throw stop;
            });
            Runnable beforeArriving = onTheWay;
            onTheWay = () -> {
            };
            beforeArriving.run();
            Charge charge = chargesByKey.computeIfAbsent(idempotencyKey, key -> {
                if (!paymentToken.equals(GOOD_CARD)) {
                    return new Charge.Declined(DECLINE_REASON);
                }
                String reference = "ch_" + (charged.size() + 1);
                charged.put(reference, amount);
                return new Charge.Approved(reference);
            });
            whileCharging.run();
            failure.ifPresent(stop -> {
                throw stop;
            });
            return charge;
        }

        @Override
        public Optional<Charge> lookup(String idempotencyKey) {
            if (lookupsFailing.contains(idempotencyKey)) {
                throw new IllegalStateException("the processor did not answer the lookup of " + idempotencyKey);
            }
            return Optional.ofNullable(chargesByKey.get(idempotencyKey));
        }

        @Override
        public Refund refund(String chargeReference, Money amount, String idempotencyKey) {
            if (!charged.containsKey(chargeReference)) {
                throw new IllegalArgumentException("no charge " + chargeReference);
            }
            // As a processor does: a key already used answers the refund made under it, whatever amount is asked now.
            return new Refund("re_" + idempotencyKey, refundsByKey.computeIfAbsent(idempotencyKey, key -> amount));
        }
    }

    /** Points per guest and the movements behind them, as {@code JdbcLoyaltyLedger} keeps them. */
    static final class InMemoryLoyaltyLedger implements LoyaltyLedger {

        private final Map<UserId, Balance> balances = new HashMap<>();
        private final List<Entry> movements = new ArrayList<>();

        @Override
        public void earn(UserId guest, BookingId booking, long points, Instant at) {
            if (points <= 0) {
                return;
            }
            Balance was = balance(guest);
            balances.put(guest, new Balance(was.points() + points, was.lifetimePoints() + points));
            movements.add(new Entry(guest, new Movement("EARNED", points, Optional.of(booking.value()), at)));
        }

        @Override
        public long reverse(UserId guest, BookingId booking, Instant at) {
            long outstanding = movements.stream().filter(entry -> entry.guest().equals(guest)
                    && entry.movement().bookingId().equals(Optional.of(booking.value()))).mapToLong(entry -> entry.movement().points()).sum();
            if (outstanding <= 0) {
                return 0;
            }
            Balance was = balance(guest);
            balances.put(guest, new Balance(was.points() - outstanding, Math.max(0, was.lifetimePoints() - outstanding)));
            movements.add(new Entry(guest, new Movement("REVERSED", -outstanding, Optional.of(booking.value()), at)));
            return outstanding;
        }

        @Override
        public Balance balance(UserId guest) {
            return balances.getOrDefault(guest, new Balance(0, 0));
        }

        @Override
        public List<Movement> history(UserId guest, int limit) {
            List<Movement> newestFirst = new ArrayList<>(movements.stream().filter(entry -> entry.guest().equals(guest)).map(Entry::movement).toList());
            Collections.reverse(newestFirst);
            return newestFirst.stream().limit(limit).toList();
        }

        private record Entry(UserId guest, Movement movement) {
        }
    }

    /** The guests' accounts, enough for a notification to find its recipient. */
    static final class InMemoryUsers implements Users {

        private final Map<UserId, User> byId = new LinkedHashMap<>();

        User add(String firstName, Role role, Instant createdAt) {
            User user = new User(UserId.random(), new EmailAddress(firstName.toLowerCase() + "@example.com"), firstName, "Guest", "{noop}x",
                    EnumSet.of(role), true, true, createdAt, null);
            byId.put(user.id(), user);
            return user;
        }

        @Override
        public Optional<User> findById(UserId id) {
            return Optional.ofNullable(byId.get(id));
        }

        @Override
        public List<User> list(int limit) {
            return byId.values().stream().limit(limit).toList();
        }

        @Override
        public List<User> search(String emailPart, int offset, int limit) {
            return byId.values().stream().filter(user -> user.email().value().contains(emailPart)).skip(offset).limit(limit).toList();
        }

        @Override
        public long countMatching(String emailPart) {
            return byId.values().stream().filter(user -> user.email().value().contains(emailPart)).count();
        }

        @Override
        public Optional<User> findByEmail(EmailAddress email) {
            return byId.values().stream().filter(user -> user.email().equals(email)).findFirst();
        }

        @Override
        public Optional<User> findByIdForChange(UserId id) {
            return findById(id);
        }

        @Override
        public Optional<User> findByEmailForChange(EmailAddress email) {
            return findByEmail(email);
        }

        @Override
        public boolean add(User user) {
            return byId.putIfAbsent(user.id(), user) == null;
        }

        @Override
        public void update(User user) {
            byId.put(user.id(), user);
        }

        @Override
        public boolean anyWithRole(Role role) {
            return byId.values().stream().anyMatch(user -> user.roles().contains(role));
        }

        @Override
        public long holdUnlockedWithRole(Role role) {
            return byId.values().stream().filter(user -> user.enabled() && user.roles().contains(role)).count();
        }
    }

    /**
     * Manage-link tokens as {@code <booking>.<expiry epoch second>.signed}: the fake's "signature" is the suffix, so a token
     * altered or made up without it fails like a forged one (HmacManageLinkTokensTest proves the real signer).
     */
    static final class InMemoryManageLinkTokens implements ManageLinkTokens {

        @Override
        public String sign(Claim claim) {
            return claim.booking() + "." + claim.expiresAt().getEpochSecond() + ".signed";
        }

        @Override
        public Optional<Claim> verify(String token) {
            String[] parts = token.split("\\.");
            if (parts.length != 3 || !parts[2].equals("signed")) {
                return Optional.empty();
            }
            try {
                return Optional.of(new Claim(UUID.fromString(parts[0]), Instant.ofEpochSecond(Long.parseLong(parts[1]))));
            } catch (IllegalArgumentException malformed) {
                return Optional.empty();
            }
        }
    }

    /** What the use cases published, in order: the outbox's view of them. */
    static final class RecordingEvents implements NotificationEvents {

        private final List<NotificationEvent> published = new ArrayList<>();

        <T extends NotificationEvent> List<T> of(Class<T> type) {
            return published.stream().filter(type::isInstance).map(type::cast).toList();
        }

        @Override
        public void publish(NotificationEvent event) {
            published.add(event);
        }
    }
}
