package com.westbethel.motel.adapters.messaging.payment;

import com.westbethel.motel.application.booking.port.out.PaymentGateway;
import com.westbethel.motel.domain.shared.Money;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A sandbox card processor, named as such: no money moves. It answers like processors' test modes:
 * {@code tok_visa}, {@code tok_mastercard} and {@code tok_amex} are approved; {@code tok_chargeDeclined}
 * and its variants are declined with the processor's usual reasons; any other token is declined as
 * unknown. A charge is made at most once per idempotency key, as a real processor guarantees.
 */
public class SandboxPaymentGateway implements PaymentGateway {

    private static final Map<String, String> DECLINES = Map.of(
            "tok_chargeDeclined", "Your card was declined.",
            "tok_chargeDeclinedInsufficientFunds", "Your card has insufficient funds.",
            "tok_chargeDeclinedExpiredCard", "Your card has expired.",
            "tok_chargeDeclinedIncorrectCvc", "Your card's security code is incorrect.");
    private static final Set<String> APPROVED = Set.of("tok_visa", "tok_mastercard", "tok_amex", "tok_discover");

    private final Map<String, Charge> chargesByKey = new ConcurrentHashMap<>();
    private final Map<String, String> refundsByKey = new ConcurrentHashMap<>();

    @Override
    public Charge charge(String paymentToken, Money amount, String idempotencyKey) {
        return chargesByKey.computeIfAbsent(idempotencyKey, key -> decide(paymentToken));
    }

    @Override
    public String refund(String chargeReference, Money amount, String idempotencyKey) {
        if (chargeReference == null || !chargeReference.startsWith("sandbox_ch_")) {
            throw new IllegalArgumentException("not a sandbox charge: " + chargeReference);
        }
        return refundsByKey.computeIfAbsent(idempotencyKey, key -> "sandbox_re_" + UUID.randomUUID());
    }

    private static Charge decide(String paymentToken) {
        if (APPROVED.contains(paymentToken)) {
            return new Charge.Approved("sandbox_ch_" + UUID.randomUUID());
        }
        return new Charge.Declined(DECLINES.getOrDefault(paymentToken,
                "The sandbox does not know this card token; use tok_visa, or tok_chargeDeclined to see a decline."));
    }
}
