package com.westbethel.motel.adapters.messaging.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.out.PaymentGateway.Charge;
import com.westbethel.motel.domain.shared.Money;
import com.westbethel.motel.domain.shared.Sha256;
import org.junit.jupiter.api.Test;

class SandboxPaymentGatewayTest {

    private final SandboxPaymentGateway gateway = new SandboxPaymentGateway();
    private final Money amount = Money.of("258.00", "USD");

    @Test
    void the_test_visa_card_is_approved_and_the_decline_card_declined() {
        assertThat(gateway.charge("tok_visa", amount, "k1")).isInstanceOf(Charge.Approved.class);
        assertThat(gateway.charge("tok_chargeDeclined", amount, "k2")).isEqualTo(new Charge.Declined("Your card was declined."));
        assertThat(gateway.charge("tok_unknown", amount, "k3")).isInstanceOf(Charge.Declined.class);
    }

    @Test
    void one_idempotency_key_charges_once() {
        Charge first = gateway.charge("tok_visa", amount, "same-key");

        assertThat(gateway.charge("tok_visa", amount, "same-key")).isEqualTo(first);
    }

    @Test
    void an_approved_charge_can_be_refunded() {
        Charge.Approved charge = (Charge.Approved) gateway.charge("tok_visa", amount, "k4");

        String refund = gateway.refund(charge.reference(), amount, "refund:b1");

        assertThat(refund).startsWith("sandbox_re_");
        assertThat(gateway.refund(charge.reference(), amount, "refund:b1")).as("once per key").isEqualTo(refund);
    }

    // Issue 12: the worker, in another process, asks what a charge made by the API did; the sandbox keeps no shared ledger.
    @Test
    void a_lookup_in_another_process_answers_what_the_charge_answered() {
        String approvedKey = "charge:b-1:" + Sha256.hex("tok_visa");
        String declinedKey = "charge:b-2:" + Sha256.hex("tok_chargeDeclined");
        Charge approved = gateway.charge("tok_visa", amount, approvedKey);
        Charge declined = gateway.charge("tok_chargeDeclined", amount, declinedKey);
        SandboxPaymentGateway elsewhere = new SandboxPaymentGateway();

        assertThat(elsewhere.lookup(approvedKey)).contains(approved);
        assertThat(elsewhere.lookup(declinedKey)).contains(declined);
        assertThat(gateway.lookup(approvedKey)).contains(approved);
        assertThat(elsewhere.lookup("not-a-charge-key")).as("never a charge here").isEmpty();
    }
}
