package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.out.Bookings;
import com.westbethel.motel.application.booking.port.out.IdempotencyKeys;
import com.westbethel.motel.application.booking.port.out.Inventory;
import com.westbethel.motel.application.booking.port.out.Promotions;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.operations.port.out.BusinessMetrics;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.booking.GuestContact;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.shared.Sha256;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Booking a room type for a stay: the stay is checked and priced, a promotion applied, and the first free room
 * held unpaid for a while ({@link StayOffer}, shared with the front desk's walk-ins). A retry with the same Idempotency-Key gets the first booking back. The booking names its
 * guest: the caller's profile, or the details given (required from a caller without an account).
 *
 * <p>Sold-out dates are refused on a plain read, before the guest's unpaid holds are locked and counted: the refusal
 * that the busiest dates get most costs no write and does not queue behind the guest's other bookings.
 */
public class BookRoomService implements BookRoomUseCase {

    private final Inventory inventory;
    private final Bookings bookings;
    private final Promotions promotions;
    private final StayOffer offer;
    private final Idempotency idempotency;
    private final BookingViews views;
    private final BookingAudit audit;
    private final Users users;
    private final BookingSettings settings;
    private final Clock clock;
    private final BusinessMetrics metrics;

    public BookRoomService(Inventory inventory, Bookings bookings, Promotions promotions, IdempotencyKeys idempotencyKeys, Users users,
            AuditLog auditLog, BookingSettings settings, Clock clock, BusinessMetrics metrics) {
        this.inventory = inventory;
        this.bookings = bookings;
        this.promotions = promotions;
        this.offer = new StayOffer(inventory, bookings, promotions, settings, clock);
        this.idempotency = new Idempotency(idempotencyKeys, clock);
        this.views = new BookingViews(inventory, settings);
        this.users = users;
        this.audit = new BookingAudit(auditLog);
        this.settings = settings;
        this.clock = clock;
        this.metrics = metrics;
    }

    @Override
    public Outcome<BookingView> book(BookRoomCommand command) {
        Optional<Property> found = inventory.defaultProperty();
        if (found.isEmpty()) {
            return Outcome.refused(Refusal.notFound("The motel is not set up yet."));
        }
        Property property = found.get();
        Optional<UserId> account = command.guest().account();
        Optional<User> holder = account.flatMap(users::findById);
        Outcome<GuestContact> named = GuestDetailsCheck.contact(holder, command.guestDetails());
        if (named instanceof Outcome.Refused<GuestContact> refused) {
            return Outcome.refused(refused.refusal());
        }
        GuestContact guest = ((Outcome.Success<GuestContact>) named).value();
        Idempotency.Request request = Idempotency.Request.of(idempotencyScope(account, guest), command.idempotencyKey(), "booking",
                fingerprinted(command));
        // A retry is answered before anything is checked again: the first answer stands even if, say, the date has moved on.
        Optional<Outcome<BookingView>> answered = idempotency.claim(request, id -> bookings.find(new BookingId(id)).map(views::of));
        if (answered.isPresent()) {
            return answered.get();
        }
        Outcome<StayOffer.Offer> priced = offer.priced(property, command.roomTypeId(), command.checkIn(), command.checkOut(), command.guests(),
                command.promotionCode());
        if (priced instanceof Outcome.Refused<StayOffer.Offer> refused) {
            return Outcome.refused(refused.refusal());
        }
        StayOffer.Offer offered = ((Outcome.Success<StayOffer.Offer>) priced).value();
        Optional<Promotion> promotion = offered.promotion();
        Instant now = clock.instant();
        // Read before the guest's holds are locked and counted: a stay with no free room is refused at once, writing nothing and
        // waiting for none of the guest's other bookings. These rooms are then tried in turn, each insert guarded by the
        // database's no-overlap rule, so one taken meanwhile is skipped.
        List<RoomId> freeRooms = offer.freeRooms(offered);
        if (freeRooms.isEmpty()) {
            return StayOffer.soldOut(offered);
        }
        // Counted under a lock on the guest (until commit), so parallel requests cannot all see room under the cap. An account
        // counts its own holds only; a guest without one, the holds naming the address (an account's among them).
        long unpaidHolds = account.isPresent() ? bookings.unpaidHoldsOf(account.get(), now)
                : bookings.unpaidHoldsNaming(guest.email().orElseThrow(), now);
        if (unpaidHolds >= settings.maxUnpaidHolds()) {
            return Outcome.refused(new Refusal(Refusal.Kind.TOO_MANY_UNPAID_HOLDS, null, ("You already have %d unpaid bookings waiting for "
                    + "payment, as many as one guest may hold at once. Pay for one or cancel it, or let it expire, then book again.")
                    .formatted(settings.maxUnpaidHolds())));
        }
        // Taken last before the hold, so the code's row is locked for as short a time as possible.
        Promotions.PromotionGuest promotionGuest = account.<Promotions.PromotionGuest>map(Promotions.PromotionGuest.Account::new)
                .orElseGet(() -> new Promotions.PromotionGuest.Email(guest.email().orElseThrow()));
        if (promotion.isPresent()) {
            Promotions.Redemption redemption = promotions.redeem(promotion.get(), promotionGuest, alsoKnownAs(holder, guest));
            if (redemption == Promotions.Redemption.USED_UP) {
                return Outcome.invalid("promoCode", promotion.get().usedUp());
            }
            if (redemption == Promotions.Redemption.ALREADY_USED_BY_GUEST) {
                return Outcome.invalid("promoCode", promotion.get().alreadyUsedByGuest());
            }
        }
        Optional<Booking> held = offer.hold(offered, freeRooms, account, guest, now);
        if (held.isEmpty()) {
            promotion.ifPresent(redeemed -> promotions.release(redeemed, promotionGuest));
            return StayOffer.soldOut(offered);
        }
        idempotency.complete(request, held.get().id().value());
        audit.booking(BookingAudit.actor(command.guest()), "BOOKING_HELD", Map.of(), held.get(), now);
        metrics.bookingCreated(command.channel());
        return Outcome.success(views.of(held.get()));
    }

    /**
     * One person's uses of a code, whichever way they book: an account's count with those under its own address, and a guest
     * without an account booking under an account's address counts that account's. (Another address of the same person, a
     * plus-address say, is another guest: a limit of counting by address.)
     */
    private Optional<Promotions.PromotionGuest> alsoKnownAs(Optional<User> holder, GuestContact guest) {
        if (holder.isPresent()) {
            return Optional.of(new Promotions.PromotionGuest.Email(holder.get().email()));
        }
        return users.findByEmail(guest.email().orElseThrow()).map(owner -> new Promotions.PromotionGuest.Account(owner.id()));
    }

    /** A key is the client's choice, unique within its scope: an account's, or, without one, an email address's (hashed to fit). */
    private static String idempotencyScope(Optional<UserId> account, GuestContact guest) {
        return account.map(user -> "booking:" + user).orElseGet(() -> "booking:email:" + Sha256.hex(guest.email().orElseThrow().value()));
    }

    /** What the command asks; the guest's details only when given, so that an account's plain booking keeps its fingerprint. */
    private static Object[] fingerprinted(BookRoomCommand command) {
        List<Object> fields = new ArrayList<>(List.of(command.roomTypeId(), command.checkIn(), command.checkOut(), command.guests(),
                command.promotionCode()));
        command.guestDetails().ifPresent(details -> {
            fields.add(details.firstName().strip());
            fields.add(details.lastName().strip());
            fields.add(details.email().strip().toLowerCase(Locale.ROOT));
            fields.add(details.phone().map(String::strip));
        });
        return fields.toArray();
    }
}
