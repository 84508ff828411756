package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.BrowseRoomTypesUseCase;
import com.westbethel.motel.application.booking.port.in.CancelBookingUseCase;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.SearchAvailabilityUseCase;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.booking.port.out.IdempotencyKeys;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.LoyaltyLedger;
import com.westbethel.motel.application.booking.port.out.PaymentGateway;
import com.westbethel.motel.application.booking.port.out.Payments;
import com.westbethel.motel.application.booking.port.out.Promotions;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.booking.StayPricing;
import com.westbethel.motel.domain.booking.StayQuote;
import com.westbethel.motel.domain.booking.Transition;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.stay.Stay;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Searching, booking, looking back at and cancelling stays. */
public class BookingService implements SearchAvailabilityUseCase, BrowseRoomTypesUseCase, BookRoomUseCase, ViewBookingsUseCase,
        CancelBookingUseCase {

    private final Inventory inventory;
    private final Bookings bookings;
    private final Promotions promotions;
    private final IdempotencyKeys idempotencyKeys;
    private final Payments payments;
    private final PaymentGateway gateway;
    private final LoyaltyLedger loyalty;
    private final BookingNotifications emails;
    private final BookingAudit audit;
    private final BookingSettings settings;
    private final Clock clock;

    public BookingService(Inventory inventory, Bookings bookings, Promotions promotions, IdempotencyKeys idempotencyKeys, Payments payments,
            PaymentGateway gateway, LoyaltyLedger loyalty, Users users, NotificationEvents events, AuditLog auditLog, BookingSettings settings,
            Clock clock) {
        this.audit = new BookingAudit(auditLog);
        this.inventory = inventory;
        this.bookings = bookings;
        this.promotions = promotions;
        this.idempotencyKeys = idempotencyKeys;
        this.payments = payments;
        this.gateway = gateway;
        this.loyalty = loyalty;
        this.emails = new BookingNotifications(events, users);
        this.settings = settings;
        this.clock = clock;
    }

    @Override
    public List<RoomType> roomTypes() {
        return inventory.defaultProperty().map(property -> inventory.roomTypes(property.id())).orElse(List.of());
    }

    @Override
    public Outcome<Availability> search(LocalDate checkIn, LocalDate checkOut, int guests) {
        Optional<Property> found = inventory.defaultProperty();
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("The motel is not set up yet."));
        }
        Property property = found.get();
        Optional<Refusal> refusal = StayRequest.check(checkIn, checkOut, guests, property, settings, clock);
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        Stay stay = new Stay(checkIn, checkOut);
        List<RatePlan> ratePlans = inventory.ratePlans(property.id(), stay);
        Map<RoomTypeId, Integer> free = inventory.freeRooms(property.id(), stay);
        List<RoomTypeOffer> offers = inventory.roomTypes(property.id()).stream()
                .filter(type -> type.maxOccupancy() >= guests)
                .map(type -> {
                    StayQuote quote = StayPricing.quote(type, ratePlans, stay);
                    int available = stay.nights() < quote.minimumStay() ? 0 : free.getOrDefault(type.id(), 0);
                    return new RoomTypeOffer(type.id().value(), type.name(), type.maxOccupancy(), available, quote.total(), quote.minimumStay());
                })
                .sorted(Comparator.comparing(offer -> offer.total().amount()))
                .toList();
        return Outcome.success(new Availability(checkIn, checkOut, stay.nights(), offers));
    }

    @Override
    public Outcome<BookingView> book(BookRoomCommand command) {
        Optional<Property> found = inventory.defaultProperty();
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("The motel is not set up yet."));
        }
        Property property = found.get();
        // A retry is answered before anything is checked again: the first answer stands even if, say, the date has moved on.
        String scope = "booking:" + command.guest().user();
        if (command.idempotencyKey().isPresent()) {
            Optional<Outcome<BookingView>> replay = replay(scope, command.idempotencyKey().get(), command.requestFingerprint());
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        Optional<Refusal> refusal = StayRequest.check(command.checkIn(), command.checkOut(), command.guests(), property, settings, clock);
        if (refusal.isPresent()) {
            return Outcome.refused(refusal.get());
        }
        Optional<RoomType> roomType = inventory.roomType(new RoomTypeId(command.roomTypeId()))
                .filter(type -> type.property().equals(property.id()));
        if (roomType.isEmpty()) {
            return Outcome.refused(new Refusal(Refusal.Kind.NOT_FOUND, "roomTypeId", "There is no room type " + command.roomTypeId() + "."));
        }
        if (command.guests() > roomType.get().maxOccupancy()) {
            return Outcome.invalid("guests", "A %s sleeps at most %d guests.".formatted(roomType.get().name(), roomType.get().maxOccupancy()));
        }
        Stay stay = new Stay(command.checkIn(), command.checkOut());
        StayQuote quote = StayPricing.quote(roomType.get(), inventory.ratePlans(property.id(), stay), stay);
        if (stay.nights() < quote.minimumStay()) {
            return Outcome.invalid("checkOut", "Stays on these dates are at least %d nights.".formatted(quote.minimumStay()));
        }
        Optional<String> code = command.promotionCode().filter(text -> !text.isBlank()).map(Promotion::normalise);
        Optional<Promotion> promotion = Optional.empty();
        if (code.isPresent()) {
            promotion = promotions.byCode(code.get());
            if (promotion.isEmpty()) {
                return Outcome.invalid("promoCode", "There is no promotion code " + code.get() + ".");
            }
            Promotion.Verdict verdict = promotion.get().apply(stay, quote.subtotal());
            if (verdict instanceof Promotion.Verdict.Refused refused) {
                return Outcome.invalid("promoCode", refused.reason());
            }
            quote = quote.withDiscount(((Promotion.Verdict.Applied) verdict).discount());
        }
        Instant now = clock.instant();
        UserId guest = command.guest().user();
        // Counted under a lock on the guest (until commit), so parallel requests cannot all see room under the cap.
        if (bookings.unpaidHoldsOf(guest, now) >= settings.maxUnpaidHolds()) {
            return Outcome.refused(new Refusal(Refusal.Kind.TOO_MANY_UNPAID_HOLDS, null, ("You already have %d unpaid bookings waiting for "
                    + "payment, as many as one guest may hold at once. Pay for one or cancel it, or let it expire, then book again.")
                    .formatted(settings.maxUnpaidHolds())));
        }
        // Taken last before the hold, so the code's row is locked for as short a time as possible.
        if (promotion.isPresent()) {
            Promotions.Redemption redemption = promotions.redeem(promotion.get(), guest);
            if (redemption == Promotions.Redemption.USED_UP) {
                return Outcome.invalid("promoCode", promotion.get().usedUp());
            }
            if (redemption == Promotions.Redemption.ALREADY_USED_BY_GUEST) {
                return Outcome.invalid("promoCode", promotion.get().alreadyUsedByGuest());
            }
        }
        StayQuote price = quote;
        Optional<Booking> held = bookings.holdFreeRoom(roomType.get().id(), stay, room -> Booking.hold(property.id(), guest,
                roomType.get().id(), room, stay, command.guests(), price, code, now, now.plus(settings.holdDuration())));
        if (held.isEmpty()) {
            promotion.ifPresent(redeemed -> promotions.release(redeemed, guest));
            return Outcome.refused(new Refusal(Refusal.Kind.SOLD_OUT, null,
                    "No %s is free from %s to %s. Try other dates or another room type.".formatted(roomType.get().name(), stay.checkIn(), stay.checkOut())));
        }
        command.idempotencyKey().ifPresent(key -> idempotencyKeys.complete(scope, key, held.get().id().value()));
        audit.booking(BookingAudit.actor(command.guest()), "BOOKING_HELD", Map.of(), held.get(), now);
        return Outcome.success(view(held.get()));
    }

    @Override
    public Page<BookingView> bookings(Actor actor, int page, int size) {
        int safeSize = Math.max(1, Math.min(size, MAX_PAGE_SIZE));
        int safePage = Math.max(0, page);
        if (actor.isStaff()) {
            return new Page<>(bookings.all(safePage, safeSize).stream().map(this::view).toList(), safePage, safeSize, bookings.countAll());
        }
        return new Page<>(bookings.ofGuest(actor.user(), safePage, safeSize).stream().map(this::view).toList(), safePage, safeSize,
                bookings.countOfGuest(actor.user()));
    }

    @Override
    public Outcome<BookingView> booking(Actor actor, UUID bookingId) {
        return visibleTo(actor, bookings.find(new BookingId(bookingId))).<Outcome<BookingView>>map(found -> Outcome.success(view(found)))
                .orElseGet(() -> Outcome.refused(Refusal.notFound("You have no booking " + bookingId + ".")));
    }

    @Override
    public Outcome<BookingView> cancel(Actor actor, UUID bookingId) {
        Optional<Booking> found = visibleTo(actor, bookings.findForUpdate(new BookingId(bookingId)));
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("You have no booking " + bookingId + "."));
        }
        Booking booking = found.get();
        Property property = inventory.property(booking.property()).orElseThrow();
        Instant now = clock.instant();
        Map<String, String> before = BookingAudit.snapshot(booking);
        Transition transition = booking.cancel(property.cancellationPolicy(), property.checkInAt(booking.stay().checkIn()), now);
        if (transition instanceof Transition.Refused refused) {
            return Outcome.refused(new Refusal(Refusal.Kind.CONFLICT, null, refused.reason()));
        }
        if (!booking.refunded().isZero()) {
            Payments.SucceededPayment payment = payments.succeededFor(booking.id())
                    .orElseThrow(() -> new IllegalStateException("confirmed booking " + booking.id() + " has no successful payment"));
            gateway.refund(payment.gatewayReference(), booking.refunded(), "refund:" + booking.id());
            payments.recordRefund(payment.paymentId(), booking.refunded());
        }
        loyalty.reverse(booking.guest(), booking.id(), now);
        bookings.update(booking);
        audit.booking(BookingAudit.actor(actor), "BOOKING_CANCELLED", before, booking, now);
        emails.cancelled(booking, property, roomTypeName(booking));
        return Outcome.success(view(booking));
    }

    private Optional<Outcome<BookingView>> replay(String scope, String key, String fingerprint) {
        IdempotencyKeys.Claim claim = idempotencyKeys.claim(scope, key, fingerprint, clock.instant());
        if (claim instanceof IdempotencyKeys.Claim.Existing existing) {
            if (!existing.requestFingerprint().equals(fingerprint)) {
                return Optional.of(Outcome.refused(new Refusal(Refusal.Kind.IDEMPOTENCY_MISMATCH, null,
                        "This Idempotency-Key was used with a different request. Use a new key for a new booking.")));
            }
            Optional<Booking> first = existing.resourceId().flatMap(id -> bookings.find(new BookingId(id)));
            if (first.isPresent()) {
                return Optional.of(Outcome.replayed(view(first.get())));
            }
        }
        return Optional.empty();
    }

    private static Optional<Booking> visibleTo(Actor actor, Optional<Booking> booking) {
        return booking.filter(found -> actor.isStaff() || found.guest().equals(actor.user()));
    }

    private String roomTypeName(Booking booking) {
        return inventory.roomType(booking.roomType()).map(RoomType::name).orElse("room");
    }

    BookingView view(Booking booking) {
        return BookingView.of(booking, inventory.roomNumber(booking.room()));
    }
}
