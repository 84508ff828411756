package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentMethod;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import java.util.UUID;

/**
 * The front desk takes a booking's payment in person: cash, or a card on the motel's own terminal. Nothing reaches the card
 * processor; the payment is recorded as taken and the booking is CONFIRMED at once. Always the booking's whole total: one
 * successful payment per booking.
 */
public interface TakeDeskPaymentUseCase {

    /** @param method CASH or CARD_PRESENT (a card through the processor is {@link PayForBookingUseCase}'s) */
    Outcome<PaymentView> takePayment(Actor staff, UUID bookingId, PaymentMethod method);
}
