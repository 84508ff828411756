package com.westbethel.motel.adapters.messaging.payment;

import com.westbethel.motel.application.booking.port.out.PaymentGateway;
import com.westbethel.motel.domain.shared.Money;
import com.westbethel.motel.domain.shared.Sha256;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * A sandbox card processor, named as such: no money moves. It answers like processors' test modes:
 * {@code tok_visa}, {@code tok_mastercard} and {@code tok_amex} are approved; {@code tok_chargeDeclined}
 * and its variants are declined with the processor's usual reasons; any other token is declined as
 * unknown. A charge is made at most once per idempotency key, as a real processor guarantees.
 *
 * <p>The sandbox keeps no ledger that another process could read, so it is deterministic instead: a charge's reference
 * is derived from its idempotency key, and {@link #lookup} (asked by the worker, in another process, for a payment whose
 * outcome was never recorded) answers what {@link #charge} answered or would have answered. It can do that because the
 * application's charge keys end with the SHA-256 of the card token ({@code charge:<booking>:<sha256 of token>}) and the
 * sandbox knows its test tokens. A key of any other form was never a charge here: empty. A real processor looks the
 * key up in its own records.
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
        return chargesByKey.computeIfAbsent(idempotencyKey, key -> decide(paymentToken, key));
    }

    @Override
    public Optional<Charge> lookup(String idempotencyKey) {
        Charge charged = chargesByKey.get(idempotencyKey);
        if (charged != null) {
            return Optional.of(charged);
        }
        if (!idempotencyKey.startsWith("charge:")) {
            return Optional.empty();
        }
        String fingerprint = idempotencyKey.substring(idempotencyKey.lastIndexOf(':') + 1);
        return Stream.concat(APPROVED.stream(), DECLINES.keySet().stream()).filter(token -> Sha256.hex(token).equals(fingerprint)).findFirst()
                .or(() -> Optional.of("an unknown token")).map(token -> decide(token, idempotencyKey));
    }

    @Override
    public String refund(String chargeReference, Money amount, String idempotencyKey) {
        if (chargeReference == null || !chargeReference.startsWith("sandbox_ch_")) {
            throw new IllegalArgumentException("not a sandbox charge: " + chargeReference);
        }
        return refundsByKey.computeIfAbsent(idempotencyKey, key -> "sandbox_re_" + UUID.randomUUID());
    }

    private static Charge decide(String paymentToken, String idempotencyKey) {
        if (APPROVED.contains(paymentToken)) {
            return new Charge.Approved("sandbox_ch_" + Sha256.hex(idempotencyKey).substring(0, 24));
        }
        return new Charge.Declined(DECLINES.getOrDefault(paymentToken,
                "The sandbox does not know this card token; use tok_visa, or tok_chargeDeclined to see a decline."));
    }
}
