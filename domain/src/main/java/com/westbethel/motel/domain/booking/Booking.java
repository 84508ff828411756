package com.westbethel.motel.domain.booking;

import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.inventory.CancellationPolicy;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.shared.Money;
import com.westbethel.motel.domain.stay.Stay;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A guest's booking of one room for a stay. It starts as an unpaid hold that expires (and may be extended a few
 * times), becomes CONFIRMED when paid, then CHECKED_IN and CHECKED_OUT; it may end CANCELLED or NO_SHOW instead.
 * It names its guest ({@link GuestContact}) and belongs to an account when one made it or later claimed it; a
 * guest without an account manages it from a signed link instead.
 */
public final class Booking {

    private final BookingId id;
    private final String reference;
    private final PropertyId property;
    private final Optional<UserId> account;
    private final GuestContact contact;
    private final RoomTypeId roomType;
    private final Stay stay;
    private final int guests;
    private final StayQuote price;
    private final Optional<String> promotionCode;
    private final Instant createdAt;
    private Instant holdExpiresAt;
    private int holdExtensions;
    private RoomId room;
    private BookingStatus status;
    private Money refunded;

    public Booking(BookingId id, String reference, PropertyId property, Optional<UserId> account, GuestContact contact, RoomTypeId roomType,
            RoomId room, Stay stay, int guests, StayQuote price, Optional<String> promotionCode, BookingStatus status, Instant createdAt,
            Instant holdExpiresAt, int holdExtensions, Money refunded) {
        this.id = Objects.requireNonNull(id, "id");
        this.reference = Objects.requireNonNull(reference, "reference");
        this.property = Objects.requireNonNull(property, "property");
        this.account = Objects.requireNonNull(account, "account");
        this.contact = Objects.requireNonNull(contact, "contact");
        this.roomType = Objects.requireNonNull(roomType, "roomType");
        this.room = Objects.requireNonNull(room, "room");
        this.stay = Objects.requireNonNull(stay, "stay");
        if (guests < 1) {
            throw new IllegalArgumentException("a booking is for at least one guest");
        }
        this.guests = guests;
        this.price = Objects.requireNonNull(price, "price");
        this.promotionCode = promotionCode;
        this.status = Objects.requireNonNull(status, "status");
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.holdExpiresAt = Objects.requireNonNull(holdExpiresAt, "holdExpiresAt");
        if (holdExtensions < 0) {
            throw new IllegalArgumentException("a hold is extended zero or more times");
        }
        this.holdExtensions = holdExtensions;
        this.refunded = Objects.requireNonNull(refunded, "refunded");
    }

    /** A new unpaid hold on a room, for the guest named, made by an account or by a guest without one. */
    public static Booking hold(PropertyId property, Optional<UserId> account, GuestContact contact, RoomTypeId roomType, RoomId room, Stay stay,
            int guests, StayQuote price, Optional<String> promotionCode, Instant now, Instant holdExpiresAt) {
        return new Booking(BookingId.random(), BookingReference.generate(), property, account, contact, roomType, room, stay, guests, price,
                promotionCode, BookingStatus.PENDING_PAYMENT, now, holdExpiresAt, 0, Money.zero(price.total().currency()));
    }

    /**
     * More time to pay (WCAG 2.2.1: a time limit the user can extend): the hold now runs until {@code now + duration}.
     * Only a running, unpaid hold is extended, at most {@code maxExtensions} times, so that nobody keeps a room from
     * everyone else by extending for ever; and only in its last {@code window} (the countdown's warning falls inside it),
     * so that a double click, or a click long before the end, is refused without using up an extension that would add
     * (almost) no time. Refusals say times in {@code now}'s zone (the motel's).
     */
    public Transition extendHold(ZonedDateTime now, Duration duration, Duration window, int maxExtensions) {
        String until = clockTime(holdExpiresAt.atZone(now.getZone()));
        Transition payable = payable(now.toInstant(), until);
        if (payable instanceof Transition.Refused) {
            return payable;
        }
        if (holdExtensions >= maxExtensions) {
            return new Transition.Refused("The hold on booking %s was already extended %d times, as often as it may be; please pay before %s."
                    .formatted(reference, holdExtensions, until));
        }
        if (Duration.between(now.toInstant(), holdExpiresAt).compareTo(window) > 0) {
            return new Transition.Refused("You can extend the hold in its last %s; it runs until %s.".formatted(minutes(window), until));
        }
        Instant extended = now.toInstant().plus(duration);
        if (extended.isAfter(holdExpiresAt)) {
            holdExpiresAt = extended;
        }
        holdExtensions++;
        return new Transition.Done();
    }

    /** "2:35 PM EDT". */
    private static String clockTime(ZonedDateTime moment) {
        return DateTimeFormatter.ofPattern("h:mm a zzz", Locale.US).format(moment);
    }

    /** "5 minutes", "1 minute", "90 seconds". */
    private static String minutes(Duration window) {
        if (window.toSecondsPart() != 0 || window.isZero()) {
            return window.toSeconds() + " seconds";
        }
        return window.toMinutes() == 1 ? "minute" : window.toMinutes() + " minutes";
    }

    /**
     * Whether a payment would be taken now, changing nothing: {@link Transition.Done} while the booking awaits
     * payment and its hold still runs, otherwise refused with the reason to show. Asked before the card is
     * charged, and again by {@link #confirmPayment}.
     */
    public Transition payable(Instant now) {
        return payable(now, holdExpiresAt.toString());
    }

    private Transition payable(Instant now, String expiry) {
        if (status != BookingStatus.PENDING_PAYMENT) {
            return new Transition.Refused("Booking %s is %s; only a booking awaiting payment can be paid.".formatted(reference, status));
        }
        if (!now.isBefore(holdExpiresAt)) {
            return new Transition.Refused("The hold on booking %s expired at %s; please book again.".formatted(reference, expiry));
        }
        return new Transition.Done();
    }

    /** Payment received: the hold becomes a confirmed booking, unless it is no longer {@link #payable}. */
    public Transition confirmPayment(Instant now) {
        Transition payable = payable(now);
        if (payable instanceof Transition.Done) {
            status = BookingStatus.CONFIRMED;
        }
        return payable;
    }

    /** An unpaid hold past its time frees the room. */
    public boolean expireHold(Instant now) {
        if (status == BookingStatus.PENDING_PAYMENT && !now.isBefore(holdExpiresAt)) {
            status = BookingStatus.CANCELLED;
            return true;
        }
        return false;
    }

    /**
     * Whether the booking could be cancelled at {@code now}, changing nothing: an unpaid hold always, a confirmed booking
     * until its check-in time; otherwise refused with the reason to show.
     */
    public Transition cancellable(ZonedDateTime checkInAt, Instant now) {
        if (status == BookingStatus.PENDING_PAYMENT) {
            return new Transition.Done();
        }
        if (status != BookingStatus.CONFIRMED) {
            return new Transition.Refused("Booking %s is %s and can no longer be cancelled.".formatted(reference, status));
        }
        if (!now.isBefore(checkInAt.toInstant())) {
            return new Transition.Refused("The stay of booking %s has begun; please speak to the front desk.".formatted(reference));
        }
        return new Transition.Done();
    }

    /**
     * What cancelling at {@code now} would refund under the policy, changing nothing: nothing is paid for an unpaid hold,
     * so nothing is refunded; a confirmed booking gets everything back before the free-cancellation deadline, all but the
     * first night after it. Only meaningful while the booking is {@link #cancellable}.
     */
    public CancellationQuote cancellationQuote(CancellationPolicy policy, ZonedDateTime checkInAt, Instant now) {
        Instant freeUntil = policy.freeUntil(checkInAt);
        Money paid = paid();
        Money refund = status == BookingStatus.PENDING_PAYMENT ? paid : policy.refund(paid, price.firstNightPaid(), checkInAt, now);
        return new CancellationQuote(paid, refund, paid.minus(refund), refund.equals(paid), freeUntil);
    }

    /** Cancels under the policy, if {@link #cancellable}; a paid booking gets the refund of its {@link #cancellationQuote}. */
    public Transition cancel(CancellationPolicy policy, ZonedDateTime checkInAt, Instant now) {
        Transition cancellable = cancellable(checkInAt, now);
        if (cancellable instanceof Transition.Done) {
            refunded = cancellationQuote(policy, checkInAt, now).refund();
            status = BookingStatus.CANCELLED;
        }
        return cancellable;
    }

    /**
     * Cancels with the fee waived, if {@link #cancellable}: everything paid goes back, whatever the policy would keep. The
     * front desk's call, for a reason it records; the same limits as any cancellation (not once the stay has begun).
     */
    public Transition cancelWaivingFee(ZonedDateTime checkInAt, Instant now) {
        Transition cancellable = cancellable(checkInAt, now);
        if (cancellable instanceof Transition.Done) {
            refunded = paid();
            status = BookingStatus.CANCELLED;
        }
        return cancellable;
    }

    /** What the guest has paid: nothing for an unpaid hold, else the whole total (one payment per booking). */
    private Money paid() {
        return status == BookingStatus.PENDING_PAYMENT ? Money.zero(price.total().currency()) : price.total();
    }

    public Transition checkIn(LocalDate today) {
        if (status != BookingStatus.CONFIRMED) {
            return new Transition.Refused("Booking %s is %s; only a confirmed booking checks in.".formatted(reference, status));
        }
        if (!mayCheckIn(status, stay, today)) {
            return new Transition.Refused("Booking %s checks in on %s.".formatted(reference, stay.checkIn()));
        }
        status = BookingStatus.CHECKED_IN;
        return new Transition.Done();
    }

    public Transition checkOut() {
        if (!mayCheckOut(status)) {
            return new Transition.Refused("Booking %s is %s; only a checked-in booking checks out.".formatted(reference, status));
        }
        status = BookingStatus.CHECKED_OUT;
        return new Transition.Done();
    }

    public Transition markNoShow(LocalDate today) {
        if (!mayBeNoShow(status, stay, today)) {
            return new Transition.Refused("Only a confirmed booking whose check-in day has come can be a no-show.");
        }
        status = BookingStatus.NO_SHOW;
        return new Transition.Done();
    }

    /**
     * The rule of {@link #checkIn}, for a booking known only by its status and stay (a line of the front desk's day, read
     * without loading the booking): confirmed, and {@code today} is one of its nights.
     */
    public static boolean mayCheckIn(BookingStatus status, Stay stay, LocalDate today) {
        return status == BookingStatus.CONFIRMED && !today.isBefore(stay.checkIn()) && today.isBefore(stay.checkOut());
    }

    /** The rule of {@link #checkOut}: only a guest who checked in checks out (late ones included). */
    public static boolean mayCheckOut(BookingStatus status) {
        return status == BookingStatus.CHECKED_IN;
    }

    /** The rule of {@link #markNoShow}: confirmed, and its check-in day has come. */
    public static boolean mayBeNoShow(BookingStatus status, Stay stay, LocalDate today) {
        return status == BookingStatus.CONFIRMED && !today.isBefore(stay.checkIn());
    }

    /** To another room of the same type (the database refuses it if that room is taken). */
    public Transition moveTo(RoomId other) {
        if (status != BookingStatus.PENDING_PAYMENT && status != BookingStatus.CONFIRMED && status != BookingStatus.CHECKED_IN) {
            return new Transition.Refused("Booking %s is %s and has no room to move.".formatted(reference, status));
        }
        room = Objects.requireNonNull(other, "other");
        return new Transition.Done();
    }

    public BookingId id() {
        return id;
    }

    public String reference() {
        return reference;
    }

    public PropertyId property() {
        return property;
    }

    /** The account the booking belongs to; empty for a guest who booked without one (and has not claimed it since). */
    public Optional<UserId> account() {
        return account;
    }

    public GuestContact contact() {
        return contact;
    }

    public RoomTypeId roomType() {
        return roomType;
    }

    public RoomId room() {
        return room;
    }

    public Stay stay() {
        return stay;
    }

    public int guests() {
        return guests;
    }

    public StayQuote price() {
        return price;
    }

    public Optional<String> promotionCode() {
        return promotionCode;
    }

    public BookingStatus status() {
        return status;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Instant holdExpiresAt() {
        return holdExpiresAt;
    }

    /** How many times the hold was extended. */
    public int holdExtensions() {
        return holdExtensions;
    }

    public Money refunded() {
        return refunded;
    }
}
