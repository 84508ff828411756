package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentMethod;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.booking.GuestContact;
import com.westbethel.motel.domain.booking.NightlyRate;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.shared.Money;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A booking as its guest or the front desk sees it.
 *
 * @param account the account the booking belongs to; empty for a guest who booked without one
 * @param guest who the booking is for, and how to reach them
 * @param holdExtensions how many times the hold was extended
 * @param maxHoldExtensions how many times a hold may be extended
 * @param holdExtensionWindow a hold may be extended only when at most this much of it is left
 * @param deskRefund in the answer to a cancellation only: the refund the front desk gives back by hand, because the booking
 *     was paid at the desk (the card processor never saw that payment)
 */
public record BookingView(UUID id, String reference, BookingStatus status, Optional<UUID> account, GuestContact guest, UUID roomTypeId,
        String roomNumber, LocalDate checkIn, LocalDate checkOut, int nights, int guests, List<NightlyRate> nightlyRates, Money subtotal,
        Money discount, Money total, Optional<String> promotionCode, Instant holdExpiresAt, int holdExtensions, int maxHoldExtensions,
        Duration holdExtensionWindow, Money refunded, Optional<DeskRefund> deskRefund) {

    public BookingView {
        Objects.requireNonNull(deskRefund, "deskRefund");
    }

    public static BookingView of(Booking booking, String roomNumber, int maxHoldExtensions, Duration holdExtensionWindow) {
        return new BookingView(booking.id().value(), booking.reference(), booking.status(), booking.account().map(UserId::value),
                booking.contact(), booking.roomType().value(), roomNumber, booking.stay().checkIn(), booking.stay().checkOut(),
                booking.stay().nights(), booking.guests(), booking.price().nights(), booking.price().subtotal(), booking.price().discount(),
                booking.price().total(), booking.promotionCode(), booking.holdExpiresAt(), booking.holdExtensions(), maxHoldExtensions,
                holdExtensionWindow, booking.refunded(), Optional.empty());
    }

    /** The same booking, with the refund the desk must give back by hand. */
    public BookingView withDeskRefund(Optional<DeskRefund> refund) {
        return new BookingView(id, reference, status, account, guest, roomTypeId, roomNumber, checkIn, checkOut, nights, guests, nightlyRates,
                subtotal, discount, total, promotionCode, holdExpiresAt, holdExtensions, maxHoldExtensions, holdExtensionWindow, refunded, refund);
    }

    /** A refund of a payment taken at the front desk: given back there, the way it was paid. */
    public record DeskRefund(Money amount, PaymentMethod method) {

        public DeskRefund {
            Objects.requireNonNull(amount, "amount");
            if (!method.atTheDesk()) {
                throw new IllegalArgumentException("a card charged through the processor is refunded through it");
            }
        }

        /** What the desk is to do, in the staff's words. */
        public String instruction() {
            return method == PaymentMethod.CASH ? "Give %s back in cash at the desk.".formatted(amount)
                    : "Refund %s to the guest's card on the desk's card terminal.".formatted(amount);
        }
    }

    /** Whether the hold may still be extended (it is unpaid and under the cap; whether it still runs is the clock's call). */
    public boolean holdExtendable() {
        return status == BookingStatus.PENDING_PAYMENT && holdExtensions < maxHoldExtensions;
    }

    /** From when an extension is taken: the start of the hold's last {@link #holdExtensionWindow}. */
    public Instant holdExtendableFrom() {
        return holdExpiresAt.minus(holdExtensionWindow);
    }
}
