package com.westbethel.motel.adapters.persistence.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.application.booking.port.out.PaymentGateway;
import com.westbethel.motel.application.booking.port.out.PaymentGateway.Charge;
import com.westbethel.motel.domain.shared.Money;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** The sandbox processor answers from its own ledger in PostgreSQL, as a real processor answers from its records. */
class SandboxPaymentGatewayIT {

    private final DataSource dataSource = TestDatabase.migrated();
    private final SandboxPaymentGateway gateway = new SandboxPaymentGateway(dataSource);
    private final Money amount = Money.of("258.00", "USD");

    @Test
    void the_test_visa_card_is_approved_the_decline_card_declined_and_one_key_charges_once() {
        Charge approved = gateway.charge("tok_visa", amount, key());
        String once = key();

        assertThat(approved).isInstanceOf(Charge.Approved.class);
        assertThat(gateway.charge("tok_chargeDeclined", amount, key())).isEqualTo(new Charge.Declined("Your card was declined."));
        assertThat(gateway.charge("tok_unknown", amount, key())).isInstanceOf(Charge.Declined.class);
        assertThat(gateway.charge("tok_visa", amount, once)).isEqualTo(gateway.charge("tok_mastercard", amount, once));
    }

    // Review, finding 2: the lookup once derived "approved" from the card token, for a charge never made.
    @Test
    void another_process_looks_a_charge_up_in_the_ledger_and_a_key_never_charged_is_not_found() {
        String approvedKey = key();
        String declinedKey = key();
        Charge approved = gateway.charge("tok_visa", amount, approvedKey);
        Charge declined = gateway.charge("tok_chargeDeclined", amount, declinedKey);
        SandboxPaymentGateway elsewhere = new SandboxPaymentGateway(TestDatabase.migrated());

        assertThat(elsewhere.lookup(approvedKey)).contains(approved);
        assertThat(elsewhere.lookup(declinedKey)).contains(declined);
        assertThat(elsewhere.lookup(key())).as("never charged").isEmpty();
    }

    @Test
    void a_charge_made_during_the_motels_transaction_stays_made_when_that_transaction_rolls_back() {
        String chargedKey = key();
        new TransactionTemplate(new DataSourceTransactionManager(dataSource)).executeWithoutResult(motel -> {
            gateway.charge("tok_visa", amount, chargedKey);
            motel.setRollbackOnly();
        });

        assertThat(gateway.lookup(chargedKey)).containsInstanceOf(Charge.Approved.class);
    }

    @Test
    void a_refund_is_made_once_per_key() {
        Charge.Approved charge = (Charge.Approved) gateway.charge("tok_visa", amount, key());
        String refundKey = "refund:" + UUID.randomUUID();

        PaymentGateway.Refund refund = gateway.refund(charge.reference(), amount, refundKey);

        assertThat(refund.reference()).startsWith("sandbox_re_");
        assertThat(refund.amount()).isEqualTo(amount);
        assertThat(gateway.refund(charge.reference(), amount, refundKey)).isEqualTo(refund);
        // The key names the refund made under it: asked again for another amount, the processor answers the first one.
        assertThat(gateway.refund(charge.reference(), amount.percent(new java.math.BigDecimal("50")), refundKey).amount()).isEqualTo(amount);
    }

    // Review, finding 1: a processor slower than the client's timeout is given up, well before recovery asks about it.
    @Test
    void a_processor_that_does_not_answer_within_the_timeout_is_given_up() {
        CountDownLatch never = new CountDownLatch(1);
        PaymentGateway stuck = new PaymentGateway() {
            @Override
            public Charge charge(String paymentToken, Money amount, String idempotencyKey) {
                try {
                    never.await();
                } catch (InterruptedException interrupted) {
                    Thread.currentThread().interrupt();
                }
                return new Charge.Declined("too late");
            }

            @Override
            public Optional<Charge> lookup(String idempotencyKey) {
                return Optional.empty();
            }

            @Override
            public Refund refund(String chargeReference, Money amount, String idempotencyKey) {
                return new Refund("re", amount);
            }
        };

        assertThatThrownBy(() -> new TimeLimitedPaymentGateway(stuck, Duration.ofMillis(50)).charge("tok_visa", amount, key()))
                .isInstanceOf(TimeLimitedPaymentGateway.ProcessorUnavailable.class)
                .hasMessageContaining("did not answer");
        assertThat(new TimeLimitedPaymentGateway(gateway, Duration.ofSeconds(5)).lookup(key())).isEmpty();
    }

    private static String key() {
        return "charge:" + UUID.randomUUID();
    }
}
