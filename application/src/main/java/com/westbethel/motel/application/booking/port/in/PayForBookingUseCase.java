package com.westbethel.motel.application.booking.port.in;

import com.westbethel.motel.domain.shared.Money;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** A guest pays for a held booking; it becomes CONFIRMED and earns loyalty points. */
public interface PayForBookingUseCase {

    Outcome<PaymentView> pay(Actor guest, UUID bookingId, String paymentToken, Optional<String> idempotencyKey, String requestFingerprint);

    enum PaymentStatus { SUCCEEDED, DECLINED }

    record PaymentView(UUID id, UUID bookingId, PaymentStatus status, Money amount, Optional<String> declineReason, Instant createdAt) {
    }
}
