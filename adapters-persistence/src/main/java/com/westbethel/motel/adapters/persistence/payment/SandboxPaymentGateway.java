package com.westbethel.motel.adapters.persistence.payment;

import com.westbethel.motel.application.booking.port.out.PaymentGateway;
import com.westbethel.motel.domain.shared.Money;
import com.westbethel.motel.domain.shared.Sha256;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A sandbox card processor, named as such: no money moves. It answers like processors' test modes: {@code tok_visa},
 * {@code tok_mastercard}, {@code tok_amex} and {@code tok_discover} are approved; {@code tok_chargeDeclined} and its variants
 * are declined with the processor's usual reasons; any other token is declined as unknown.
 *
 * <p>Like a real processor it keeps a ledger, and answers from it: {@code sandbox_charges} and {@code sandbox_refunds}
 * (V18), its own tables, not the motel's. A charge is made at most once per idempotency key (the first one's answer is
 * replayed), a refund at most once per key, and {@link #lookup} reads the ledger, so any process (the worker, another API
 * replica) learns what a charge did, and a key that was never charged is not found. The ledger is written on connections
 * of its own, outside the motel's transactions: a charge made stays made whatever the motel's transaction then does, as at
 * a real processor.
 */
public class SandboxPaymentGateway implements PaymentGateway {

    private static final Map<String, String> DECLINES = Map.of(
            "tok_chargeDeclined", "Your card was declined.",
            "tok_chargeDeclinedInsufficientFunds", "Your card has insufficient funds.",
            "tok_chargeDeclinedExpiredCard", "Your card has expired.",
            "tok_chargeDeclinedIncorrectCvc", "Your card's security code is incorrect.");
    private static final Set<String> APPROVED = Set.of("tok_visa", "tok_mastercard", "tok_amex", "tok_discover");
    private static final String UNKNOWN = "The sandbox does not know this card token; use tok_visa, or tok_chargeDeclined to see a decline.";

    private final JdbcClient ledger;

    public SandboxPaymentGateway(DataSource dataSource) {
        // Another DataSource object over the same pool: Spring binds a transaction's connection to the DataSource it began
        // on, so statements through this one never join the motel's transaction; each commits on its own.
        this.ledger = JdbcClient.create(new DelegatingDataSource(dataSource));
    }

    @Override
    public Charge charge(String paymentToken, Money amount, String idempotencyKey) {
        boolean approved = APPROVED.contains(paymentToken);
        ledger.sql("""
                        INSERT INTO sandbox_charges (idempotency_key, approved, reference, decline_reason, amount, currency)
                        VALUES (:key, :approved, :reference, :reason, :amount, :currency) ON CONFLICT (idempotency_key) DO NOTHING
                        """)
                .param("key", idempotencyKey)
                .param("approved", approved)
                .param("reference", approved ? "sandbox_ch_" + Sha256.hex(idempotencyKey + UUID.randomUUID()).substring(0, 24) : null)
                .param("reason", approved ? null : DECLINES.getOrDefault(paymentToken, UNKNOWN))
                .param("amount", amount.amount())
                .param("currency", amount.currency().getCurrencyCode())
                .update();
        return lookup(idempotencyKey).orElseThrow();
    }

    @Override
    public Optional<Charge> lookup(String idempotencyKey) {
        return ledger.sql("SELECT approved, reference, decline_reason FROM sandbox_charges WHERE idempotency_key = :key")
                .param("key", idempotencyKey)
                .query((row, number) -> row.getBoolean("approved") ? (Charge) new Charge.Approved(row.getString("reference"))
                        : new Charge.Declined(row.getString("decline_reason")))
                .optional();
    }

    @Override
    public Refund refund(String chargeReference, Money amount, String idempotencyKey) {
        if (chargeReference == null || !chargeReference.startsWith("sandbox_ch_")) {
            throw new IllegalArgumentException("not a sandbox charge: " + chargeReference);
        }
        ledger.sql("""
                        INSERT INTO sandbox_refunds (idempotency_key, charge_reference, reference, amount)
                        VALUES (:key, :charge, :reference, :amount) ON CONFLICT (idempotency_key) DO NOTHING
                        """)
                .param("key", idempotencyKey)
                .param("charge", chargeReference)
                .param("reference", "sandbox_re_" + UUID.randomUUID())
                .param("amount", amount.amount())
                .update();
        return ledger.sql("SELECT reference, amount FROM sandbox_refunds WHERE idempotency_key = :key")
                .param("key", idempotencyKey)
                .query((row, number) -> new Refund(row.getString("reference"), new Money(row.getBigDecimal("amount"), amount.currency())))
                .single();
    }
}
