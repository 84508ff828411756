package com.westbethel.motel.application.booking.port.out;

import com.westbethel.motel.domain.shared.Money;

/** The card processor. The one shipped is a sandbox that answers like processors' test modes. */
public interface PaymentGateway {

    /** @param idempotencyKey the processor charges at most once per key */
    Charge charge(String paymentToken, Money amount, String idempotencyKey);

    /** Refunds part or all of an approved charge, at most once per idempotency key. */
    String refund(String chargeReference, Money amount, String idempotencyKey);

    sealed interface Charge {

        record Approved(String reference) implements Charge {
        }

        record Declined(String reason) implements Charge {
        }
    }
}
