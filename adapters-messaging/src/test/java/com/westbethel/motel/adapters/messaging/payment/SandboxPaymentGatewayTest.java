package com.westbethel.motel.adapters.messaging.payment;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.out.PaymentGateway.Charge;
import com.westbethel.motel.domain.shared.Money;
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
}
