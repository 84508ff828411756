package com.westbethel.motel.domain.booking;

import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.inventory.CancellationPolicy;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.shared.Money;
import com.westbethel.motel.domain.stay.Stay;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Objects;
import java.util.Optional;

/**
 * A guest's booking of one room for a stay. It starts as an unpaid hold that expires, becomes
 * CONFIRMED when paid, then CHECKED_IN and CHECKED_OUT; it may end CANCELLED or NO_SHOW instead.
 */
public final class Booking {

    private final BookingId id;
    private final String reference;
    private final PropertyId property;
    private final UserId guest;
    private final RoomTypeId roomType;
    private final Stay stay;
    private final int guests;
    private final StayQuote price;
    private final Optional<String> promotionCode;
    private final Instant createdAt;
    private final Instant holdExpiresAt;
    private RoomId room;
    private BookingStatus status;
    private Money refunded;

    public Booking(BookingId id, String reference, PropertyId property, UserId guest, RoomTypeId roomType, RoomId room, Stay stay,
            int guests, StayQuote price, Optional<String> promotionCode, BookingStatus status, Instant createdAt, Instant holdExpiresAt,
            Money refunded) {
        this.id = Objects.requireNonNull(id, "id");
        this.reference = Objects.requireNonNull(reference, "reference");
        this.property = Objects.requireNonNull(property, "property");
        this.guest = Objects.requireNonNull(guest, "guest");
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
        this.refunded = Objects.requireNonNull(refunded, "refunded");
    }

    /** A new unpaid hold on a room. */
    public static Booking hold(PropertyId property, UserId guest, RoomTypeId roomType, RoomId room, Stay stay, int guests, StayQuote price,
            Optional<String> promotionCode, Instant now, Instant holdExpiresAt) {
        return new Booking(BookingId.random(), BookingReference.generate(), property, guest, roomType, room, stay, guests, price,
                promotionCode, BookingStatus.PENDING_PAYMENT, now, holdExpiresAt, Money.zero(price.total().currency()));
    }

    /**
     * Whether a payment would be taken now, changing nothing: {@link Transition.Done} while the booking awaits
     * payment and its hold still runs, otherwise refused with the reason to show. Asked before the card is
     * charged, and again by {@link #confirmPayment}.
     */
    public Transition payable(Instant now) {
        if (status != BookingStatus.PENDING_PAYMENT) {
            return new Transition.Refused("Booking %s is %s; only a booking awaiting payment can be paid.".formatted(reference, status));
        }
        if (!now.isBefore(holdExpiresAt)) {
            return new Transition.Refused("The hold on booking %s expired at %s; please book again.".formatted(reference, holdExpiresAt));
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
     * Cancels under the policy; a paid booking gets its refund (everything before the free-cancellation
     * deadline, all but the first night after it).
     */
    public Transition cancel(CancellationPolicy policy, ZonedDateTime checkInAt, Instant now) {
        if (status == BookingStatus.PENDING_PAYMENT) {
            status = BookingStatus.CANCELLED;
            return new Transition.Done();
        }
        if (status != BookingStatus.CONFIRMED) {
            return new Transition.Refused("Booking %s is %s and can no longer be cancelled.".formatted(reference, status));
        }
        if (!now.isBefore(checkInAt.toInstant())) {
            return new Transition.Refused("The stay of booking %s has begun; please speak to the front desk.".formatted(reference));
        }
        refunded = policy.refund(price.total(), price.firstNightPaid(), checkInAt, now);
        status = BookingStatus.CANCELLED;
        return new Transition.Done();
    }

    public Transition checkIn(LocalDate today) {
        if (status != BookingStatus.CONFIRMED) {
            return new Transition.Refused("Booking %s is %s; only a confirmed booking checks in.".formatted(reference, status));
        }
        if (today.isBefore(stay.checkIn()) || !today.isBefore(stay.checkOut())) {
            return new Transition.Refused("Booking %s checks in on %s.".formatted(reference, stay.checkIn()));
        }
        status = BookingStatus.CHECKED_IN;
        return new Transition.Done();
    }

    public Transition checkOut() {
        if (status != BookingStatus.CHECKED_IN) {
            return new Transition.Refused("Booking %s is %s; only a checked-in booking checks out.".formatted(reference, status));
        }
        status = BookingStatus.CHECKED_OUT;
        return new Transition.Done();
    }

    public Transition markNoShow(LocalDate today) {
        if (status != BookingStatus.CONFIRMED || today.isBefore(stay.checkIn())) {
            return new Transition.Refused("Only a confirmed booking whose check-in day has come can be a no-show.");
        }
        status = BookingStatus.NO_SHOW;
        return new Transition.Done();
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

    public UserId guest() {
        return guest;
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

    public Money refunded() {
        return refunded;
    }
}
