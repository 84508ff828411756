package com.westbethel.motel.application.booking.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase.BookRoomCommand;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase.GuestDetails;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PayForBookingCommand;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.service.InMemoryBooking.FakeCardProcessor;
import com.westbethel.motel.application.booking.service.InMemoryBooking.InMemoryBookings;
import com.westbethel.motel.application.booking.service.InMemoryBooking.InMemoryIdempotencyKeys;
import com.westbethel.motel.application.booking.service.InMemoryBooking.InMemoryInventory;
import com.westbethel.motel.application.booking.service.InMemoryBooking.InMemoryLoyaltyLedger;
import com.westbethel.motel.application.booking.service.InMemoryBooking.InMemoryManageLinkTokens;
import com.westbethel.motel.application.booking.service.InMemoryBooking.InMemoryPayments;
import com.westbethel.motel.application.booking.service.InMemoryBooking.InMemoryPromotions;
import com.westbethel.motel.application.booking.service.InMemoryBooking.InMemoryUsers;
import com.westbethel.motel.application.booking.service.InMemoryBooking.RecordingEvents;
import com.westbethel.motel.application.support.MutableClock;
import com.westbethel.motel.application.support.RecordingAuditLog;
import com.westbethel.motel.application.support.RecordingBusinessMetrics;
import com.westbethel.motel.application.support.RecordingTransactions;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.inventory.CancellationPolicy;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.shared.Money;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * The booking use cases wired to in-memory fakes, the West Bethel Motel they sell, and builders in the motel's
 * words ({@code aRoomType()}, {@code aRatePlan()}, {@code aPromotion()}, {@code aBooking()}) for what a test adds.
 */
final class BookingFixture {

    /** 08:00 on 1 June 2027 at the motel. */
    static final Instant NOW = Instant.parse("2027-06-01T12:00:00Z");
    static final LocalDate TODAY = LocalDate.of(2027, 6, 1);
    /** A Thursday: a stay from it has its second and third nights (Friday, Saturday) at the weekend. */
    static final LocalDate JULY_1 = LocalDate.of(2027, 7, 1);
    static final String SITE = "https://westbethelmotel.example";
    /** Check-in from 15:00, free cancellation until 48 hours before it. */
    static final Property WEST_BETHEL = new Property(new PropertyId(UUID.fromString("00000000-0000-0000-0000-00000000b001")),
            "West Bethel Motel", ZoneId.of("America/New_York"), Currency.getInstance("USD"), LocalTime.of(15, 0), LocalTime.of(11, 0),
            new CancellationPolicy(48));

    final MutableClock clock = new MutableClock(NOW);
    final InMemoryPromotions promotions = new InMemoryPromotions();
    final InMemoryInventory inventory = new InMemoryInventory(promotions);
    final InMemoryPayments payments = new InMemoryPayments();
    final InMemoryBookings bookings = new InMemoryBookings(inventory, promotions, payments);
    final InMemoryIdempotencyKeys idempotencyKeys = new InMemoryIdempotencyKeys();
    final FakeCardProcessor cards = new FakeCardProcessor();
    final InMemoryLoyaltyLedger loyalty = new InMemoryLoyaltyLedger();
    final InMemoryUsers users = new InMemoryUsers();
    final RecordingEvents events = new RecordingEvents();
    final RecordingAuditLog auditLog = new RecordingAuditLog();
    final RecordingBusinessMetrics metrics = new RecordingBusinessMetrics();

    final BrowseRoomTypesService browseRoomTypes = new BrowseRoomTypesService(inventory);
    final SearchAvailabilityService searchAvailability;
    final BookRoomService bookRoom;
    final InMemoryManageLinkTokens manageLinkTokens = new InMemoryManageLinkTokens();
    final ManageLinks manageLinks = new ManageLinks(manageLinkTokens, SITE);
    final ManageLinkService manageLink = new ManageLinkService(bookings, inventory, manageLinks, clock);
    final RecordingTransactions transactions = new RecordingTransactions();
    final PayForBookingService payForBooking = new PayForBookingService(bookings, inventory, payments, cards, loyalty, idempotencyKeys, users,
            events, auditLog, manageLinks, clock, transactions, PaymentSettings.defaults(), metrics);
    final RecoverPendingPaymentsService recoverPendingPayments = new RecoverPendingPaymentsService(bookings, inventory, payments, cards, loyalty,
            users, events, auditLog, manageLinks, transactions, PaymentSettings.defaults(), clock, metrics);
    final ViewBookingsService viewBookings;
    final CancelBookingService cancelBooking;
    final FrontDeskService frontDesk;
    final InMemoryRoomHousekeeping housekeeping = new InMemoryRoomHousekeeping(inventory, bookings);
    final RoomHousekeepingService roomHousekeeping = new RoomHousekeepingService(housekeeping, inventory, auditLog, clock);
    final ViewFrontDeskService viewFrontDesk = new ViewFrontDeskService(new InMemoryFrontDeskBoard(inventory, bookings, housekeeping), inventory,
            clock);
    final ExtendHoldService extendHold;
    final ExpireHoldsService expireHolds = new ExpireHoldsService(bookings, auditLog, clock, metrics);
    final PurgeIdempotencyKeysService purgeIdempotencyKeys = new PurgeIdempotencyKeysService(idempotencyKeys, clock);
    final ManageInventoryService manageInventory = new ManageInventoryService(inventory, inventory, auditLog, clock);
    final ViewLoyaltyService viewLoyalty = new ViewLoyaltyService(loyalty);
    final ViewPriceCalendarService priceCalendar = new ViewPriceCalendarService(inventory, clock);

    /** Sleeps two at $100.00 a night (no season priced yet). */
    final RoomType queen;

    /** The motel with five Queen Rooms and the default settings (holds last 15 minutes, three unpaid at once). */
    BookingFixture() {
        this(5, BookingSettings.defaults());
    }

    BookingFixture(int queenRooms, BookingSettings settings) {
        this.searchAvailability = new SearchAvailabilityService(inventory, promotions, settings, clock);
        this.bookRoom = new BookRoomService(inventory, bookings, promotions, idempotencyKeys, users, auditLog, settings, clock, metrics);
        this.viewBookings = new ViewBookingsService(bookings, inventory, payments, settings, clock);
        this.cancelBooking = new CancelBookingService(bookings, inventory, payments, cards, loyalty, users, events, auditLog, settings, clock,
                metrics);
        this.frontDesk = new FrontDeskService(bookings, inventory, housekeeping, auditLog, settings, clock);
        this.extendHold = new ExtendHoldService(bookings, inventory, auditLog, settings, clock);
        cards.watching(transactions);
        inventory.bookedIn(bookings);
        inventory.addProperty(WEST_BETHEL);
        this.queen = sells(aRoomType().named("Queen Room").sleeping(2).at("100.00").rooms(queenRooms));
    }

    static BookingFixture withQueenRooms(int rooms) {
        return new BookingFixture(rooms, BookingSettings.defaults());
    }

    // Given

    Actor guest(String firstName) {
        return new Actor(users.add(firstName, Role.GUEST, NOW).id(), Set.of(Role.GUEST));
    }

    Actor staff(String firstName) {
        return new Actor(users.add(firstName, Role.STAFF, NOW).id(), Set.of(Role.STAFF));
    }

    Actor admin(String firstName) {
        return new Actor(users.add(firstName, Role.ADMIN, NOW).id(), Set.of(Role.ADMIN));
    }

    /** Adds the room type with its rooms, numbered from 101 on their own floor. */
    RoomType sells(RoomTypeBuilder type) {
        RoomType roomType = type.build();
        inventory.addRoomType(roomType);
        int floor = inventory.roomTypes(WEST_BETHEL.id()).size();
        for (int room = 1; room <= type.rooms; room++) {
            inventory.addRoom(RoomId.random(), WEST_BETHEL.id(), roomType.id(), String.valueOf(floor * 100 + room), floor);
        }
        return roomType;
    }

    RatePlan prices(RatePlanBuilder plan) {
        RatePlan ratePlan = plan.build();
        inventory.addRatePlan(ratePlan);
        return ratePlan;
    }

    Promotion offers(PromotionBuilder promotion) {
        Promotion built = promotion.build();
        promotions.add(built);
        return built;
    }

    // When

    /** Books a Queen Room unless the request names another type. */
    Outcome<BookingView> book(BookingRequest request) {
        return bookRoom.book(request.command(queen));
    }

    /** A booking the guest holds, unpaid. */
    BookingView held(BookingRequest request) {
        return succeeded(book(request));
    }

    Outcome<PaymentView> pay(Actor guest, BookingView booking, String card, Optional<String> idempotencyKey) {
        return payForBooking.pay(new PayForBookingCommand(guest, booking.id(), card, idempotencyKey, Channel.API));
    }

    /** A booking held and paid by card: CONFIRMED. A guest without an account pays as the holder of the booking they made. */
    BookingView paid(BookingRequest request) {
        BookingView held = held(request);
        Actor payer = payer(request, held);
        succeeded(pay(payer, held, FakeCardProcessor.GOOD_CARD, Optional.empty()));
        return succeeded(viewBookings.booking(payer, held.id()));
    }

    /** Who pays for the booking made by the request: its account, or the holder of the booking. */
    static Actor payer(BookingRequest request, BookingView held) {
        return request.guest.account().isPresent() ? request.guest : Actor.holderOf(held.id());
    }

    // Then

    Booking stored(BookingView booking) {
        return bookings.stored(booking.id());
    }

    List<String> auditedActions() {
        return auditLog.entries().stream().map(AuditEntry::action).toList();
    }

    static <T> T succeeded(Outcome<T> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Success.class);
        return ((Outcome.Success<T>) outcome).value();
    }

    static Refusal refusal(Outcome<?> outcome) {
        assertThat(outcome).isInstanceOf(Outcome.Refused.class);
        return ((Outcome.Refused<?>) outcome).refusal();
    }

    static Money usd(String amount) {
        return Money.of(amount, "USD");
    }

    // Builders

    static RoomTypeBuilder aRoomType() {
        return new RoomTypeBuilder();
    }

    static RatePlanBuilder aRatePlan() {
        return new RatePlanBuilder();
    }

    static PromotionBuilder aPromotion() {
        return new PromotionBuilder();
    }

    static BookingRequest aBooking() {
        return new BookingRequest();
    }

    static final class RoomTypeBuilder {

        private String name = "Double Room";
        private int sleeps = 2;
        private String rate = "100.00";
        private int rooms = 1;
        private String description = "";
        private List<String> amenities = List.of();

        RoomTypeBuilder named(String name) {
            this.name = name;
            return this;
        }

        RoomTypeBuilder sleeping(int guests) {
            this.sleeps = guests;
            return this;
        }

        /** Its base rate, in dollars a night. */
        RoomTypeBuilder at(String rate) {
            this.rate = rate;
            return this;
        }

        RoomTypeBuilder described(String description, String... amenities) {
            this.description = description;
            this.amenities = List.of(amenities);
            return this;
        }

        /** How many rooms of the type the motel has. */
        RoomTypeBuilder rooms(int rooms) {
            this.rooms = rooms;
            return this;
        }

        RoomType build() {
            return new RoomType(RoomTypeId.random(), WEST_BETHEL.id(), name, description, sleeps, usd(rate), amenities);
        }
    }

    static final class RatePlanBuilder {

        private RoomType roomType;
        private LocalDate from = JULY_1;
        private LocalDate until = JULY_1.plusMonths(2);
        private String weekday = "120.00";
        private String weekend = "150.00";
        private int minimumStay = 1;

        RatePlanBuilder forType(RoomType roomType) {
            this.roomType = roomType;
            return this;
        }

        /** The nights from {@code from} up to, not including, {@code until}. */
        RatePlanBuilder forNights(LocalDate from, LocalDate until) {
            this.from = from;
            this.until = until;
            return this;
        }

        RatePlanBuilder weekdaysAt(String rate) {
            this.weekday = rate;
            return this;
        }

        RatePlanBuilder weekendsAt(String rate) {
            this.weekend = rate;
            return this;
        }

        RatePlanBuilder minimumStay(int nights) {
            this.minimumStay = nights;
            return this;
        }

        RatePlan build() {
            return new RatePlan(UUID.randomUUID(), roomType.id(), "Summer", from, until, usd(weekday), usd(weekend), minimumStay);
        }
    }

    static final class PromotionBuilder {

        private String code = "SUMMER10";
        private Promotion.Kind kind = Promotion.Kind.PERCENT;
        private BigDecimal value = BigDecimal.TEN;
        private LocalDate validFrom = TODAY;
        private LocalDate validUntil = JULY_1.plusMonths(2);
        private Optional<Integer> usageLimit = Optional.empty();
        private int perGuest = 1;
        private int minimumNights = 1;

        PromotionBuilder code(String code) {
            this.code = code;
            return this;
        }

        PromotionBuilder percentOff(int percent) {
            this.kind = Promotion.Kind.PERCENT;
            this.value = BigDecimal.valueOf(percent);
            return this;
        }

        PromotionBuilder dollarsOff(String amount) {
            this.kind = Promotion.Kind.FIXED;
            this.value = new BigDecimal(amount);
            return this;
        }

        /** For stays checking in from {@code from} up to, not including, {@code until}. */
        PromotionBuilder forCheckIns(LocalDate from, LocalDate until) {
            this.validFrom = from;
            this.validUntil = until;
            return this;
        }

        PromotionBuilder usableTimes(int uses) {
            this.usageLimit = Optional.of(uses);
            return this;
        }

        PromotionBuilder perGuest(int uses) {
            this.perGuest = uses;
            return this;
        }

        PromotionBuilder forStaysOfAtLeast(int nights) {
            this.minimumNights = nights;
            return this;
        }

        Promotion build() {
            return new Promotion(UUID.randomUUID(), code, kind, value, validFrom, validUntil, usageLimit, perGuest, minimumNights);
        }
    }

    /** What a guest asks for when booking; by default one guest, two nights from 1 July, no code, no key. */
    static final class BookingRequest {

        private Actor guest;
        private RoomType roomType;
        private LocalDate checkIn = JULY_1;
        private int nights = 2;
        private int guests = 1;
        private Optional<String> code = Optional.empty();
        private Optional<String> idempotencyKey = Optional.empty();
        private Optional<GuestDetails> details = Optional.empty();
        private Channel channel = Channel.API;

        BookingRequest by(Actor guest) {
            this.guest = guest;
            return this;
        }

        /** Booked by someone without an account, for the guest named. */
        BookingRequest withoutAccountFor(String firstName, String lastName, String email) {
            this.guest = Actor.anonymous();
            return forGuest(new GuestDetails(firstName, lastName, email, Optional.empty()));
        }

        /** The guest details typed on the booking form. */
        BookingRequest forGuest(GuestDetails details) {
            this.details = Optional.of(details);
            return this;
        }

        BookingRequest of(RoomType roomType) {
            this.roomType = roomType;
            return this;
        }

        BookingRequest forStay(LocalDate checkIn, int nights) {
            this.checkIn = checkIn;
            this.nights = nights;
            return this;
        }

        BookingRequest forGuests(int guests) {
            this.guests = guests;
            return this;
        }

        BookingRequest withCode(String code) {
            this.code = Optional.of(code);
            return this;
        }

        /** Made through the website or the front desk rather than the API. */
        BookingRequest through(Channel channel) {
            this.channel = channel;
            return this;
        }

        BookingRequest withKey(String idempotencyKey) {
            this.idempotencyKey = Optional.of(idempotencyKey);
            return this;
        }

        BookRoomCommand command(RoomType otherwise) {
            RoomType type = roomType == null ? otherwise : roomType;
            return new BookRoomCommand(guest, type.id().value(), checkIn, checkIn.plusDays(nights), guests, code, idempotencyKey, details,
                    channel);
        }
    }
}
