package com.westbethel.motel.application.booking.port.out;

import com.westbethel.motel.domain.shared.Money;
import java.util.Optional;

/**
 * The card processor. The one shipped is a sandbox that answers like processors' test modes. It is called with no database
 * transaction open: a slow processor holds no connection and no row lock. Any method may throw (the processor cannot be
 * reached, or did not answer within the client's timeout): then nothing is known of what it did.
 */
public interface PaymentGateway {

    /** @param idempotencyKey the processor charges at most once per key: one key per payment attempt */
    Charge charge(String paymentToken, Money amount, String idempotencyKey);

    /**
     * What the processor did with the charge made under the idempotency key, as its own records say: empty when it never
     * received one. Asked for a payment left PENDING (its process stopped, or the processor did not answer in time).
     */
    Optional<Charge> lookup(String idempotencyKey);

    /**
     * Refunds part or all of an approved charge, at most once per idempotency key: a key already used answers the refund made
     * under it, whose amount may differ from {@code amount} (the caller checks it).
     */
    Refund refund(String chargeReference, Money amount, String idempotencyKey);

    /** A refund as the processor made it: its reference and the amount it gave back. */
    record Refund(String reference, Money amount) {
    }

    sealed interface Charge {

        record Approved(String reference) implements Charge {
        }

        record Declined(String reason) implements Charge {
        }
    }
}
