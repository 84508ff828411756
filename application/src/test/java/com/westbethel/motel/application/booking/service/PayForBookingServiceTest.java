package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.JULY_1;
import static com.westbethel.motel.application.booking.service.BookingFixture.NOW;
import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static com.westbethel.motel.application.booking.service.BookingFixture.aPromotion;
import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static com.westbethel.motel.application.booking.service.BookingFixture.usd;
import static com.westbethel.motel.application.booking.service.InMemoryBooking.FakeCardProcessor.DECLINED_CARD;
import static com.westbethel.motel.application.booking.service.InMemoryBooking.FakeCardProcessor.GOOD_CARD;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentStatus;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.notification.event.BookingConfirmed;
import com.westbethel.motel.application.notification.event.LoyaltyPointsEarned;
import com.westbethel.motel.application.notification.event.PaymentFailed;
import com.westbethel.motel.application.notification.event.PaymentReceived;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.loyalty.LoyaltyProgram;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PayForBookingServiceTest {

    private final BookingFixture motel = new BookingFixture();
    private final Actor anna = motel.guest("Anna");

    @Test
    void paying_a_hold_in_time_charges_the_total_once_confirms_the_booking_and_earns_ten_points_a_dollar() {
        // given
        BookingView held = motel.held(aBooking().by(anna).forStay(JULY_1, 2));
        motel.clock.advance(Duration.ofMinutes(14));

        // when
        PaymentView payment = succeeded(motel.pay(anna, held, GOOD_CARD, Optional.empty()));

        // then
        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(payment.amount()).isEqualTo(usd("200.00"));
        assertThat(motel.cards.charged()).containsOnlyKeys("ch_1").containsValue(usd("200.00"));
        assertThat(motel.stored(held).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(motel.loyalty.balance(anna.account().orElseThrow()).points()).isEqualTo(2_000);
        assertThat(motel.auditedActions()).containsExactly("BOOKING_HELD", "PAYMENT_SUCCEEDED", "BOOKING_CONFIRMED");
        assertThat(motel.metrics.recorded()).containsExactly("booking created API", "payment SUCCEEDED", "booking confirmed 200.00 USD API");
    }

    @Test
    void the_guest_is_sent_the_confirmation_the_receipt_and_the_points_with_the_tier_they_reach() {
        // given
        BookingView held = motel.held(aBooking().by(anna).forStay(JULY_1, 2));

        // when
        PaymentView payment = succeeded(motel.pay(anna, held, GOOD_CARD, Optional.empty()));

        // then
        assertThat(motel.events.of(BookingConfirmed.class)).singleElement().satisfies(confirmed -> {
            assertThat(confirmed.recipient().firstName()).isEqualTo("Anna");
            assertThat(confirmed.stay().reference()).isEqualTo(held.reference());
            assertThat(confirmed.stay().roomType()).isEqualTo("Queen Room");
            assertThat(confirmed.pointsEarned()).isEqualTo(2_000);
        });
        assertThat(motel.events.of(PaymentReceived.class)).singleElement().satisfies(receipt -> {
            assertThat(receipt.payment()).isEqualTo(payment.id());
            assertThat(receipt.paidAt()).isEqualTo(NOW);
        });
        assertThat(motel.events.of(LoyaltyPointsEarned.class)).singleElement().satisfies(earned -> {
            assertThat(earned.balance()).isEqualTo(2_000);
            assertThat(earned.tier()).isEqualTo(LoyaltyProgram.Tier.SILVER);
        });
    }

    @Test
    void a_discounted_stay_charges_and_earns_on_what_is_paid() {
        // given
        motel.offers(aPromotion().code("SUMMER10").percentOff(10));
        BookingView held = motel.held(aBooking().by(anna).forStay(JULY_1, 2).withCode("SUMMER10"));

        // when
        PaymentView payment = succeeded(motel.pay(anna, held, GOOD_CARD, Optional.empty()));

        // then
        assertThat(payment.amount()).isEqualTo(usd("180.00"));
        assertThat(motel.loyalty.balance(anna.account().orElseThrow()).points()).isEqualTo(1_800);
    }

    @Test
    void a_declined_card_leaves_the_booking_unpaid_records_the_decline_and_tells_the_guest() {
        // given
        BookingView held = motel.held(aBooking().by(anna));

        // when
        Refusal declined = refusal(motel.pay(anna, held, DECLINED_CARD, Optional.empty()));

        // then
        assertThat(declined.kind()).isEqualTo(Refusal.Kind.PAYMENT_DECLINED);
        assertThat(declined.field()).isEqualTo("paymentToken");
        assertThat(declined.reason()).isEqualTo("Your card was declined.");
        assertThat(motel.stored(held).status()).isEqualTo(BookingStatus.PENDING_PAYMENT);
        assertThat(motel.payments.all()).singleElement().extracting(PaymentView::status).isEqualTo(PaymentStatus.DECLINED);
        assertThat(motel.events.of(PaymentFailed.class)).singleElement().extracting(PaymentFailed::reason).isEqualTo("Your card was declined.");
        assertThat(motel.loyalty.balance(anna.account().orElseThrow()).points()).isZero();
        assertThat(motel.auditedActions()).containsExactly("BOOKING_HELD", "PAYMENT_DECLINED");
        assertThat(motel.metrics.recorded()).as("declined: no booking value").containsExactly("booking created API", "payment DECLINED");
    }

    @Test
    void after_a_declined_card_another_card_pays() {
        // given
        BookingView held = motel.held(aBooking().by(anna));
        motel.pay(anna, held, DECLINED_CARD, Optional.empty());

        // when
        PaymentView paid = succeeded(motel.pay(anna, held, GOOD_CARD, Optional.empty()));

        // then
        assertThat(paid.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(motel.stored(held).status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void paying_once_the_hold_has_expired_is_refused_and_charges_nothing() {
        // given
        BookingView held = motel.held(aBooking().by(anna));
        motel.clock.advance(Duration.ofMinutes(15));

        // when
        Refusal late = refusal(motel.pay(anna, held, GOOD_CARD, Optional.empty()));

        // then
        assertThat(late.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(late.reason()).isEqualTo("The hold on booking %s expired at %s; please book again.".formatted(held.reference(),
                held.holdExpiresAt()));
        assertThat(motel.cards.charged()).isEmpty();
        assertThat(motel.payments.all()).isEmpty();
    }

    @Test
    void a_paid_booking_is_not_paid_again() {
        // given
        BookingView paid = motel.paid(aBooking().by(anna));

        // when
        Refusal again = refusal(motel.pay(anna, paid, GOOD_CARD, Optional.empty()));

        // then
        assertThat(again.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(again.reason()).isEqualTo("Booking %s is CONFIRMED; only a booking awaiting payment can be paid.".formatted(paid.reference()));
        assertThat(motel.cards.charged()).hasSize(1);
        assertThat(motel.metrics.recorded()).as("a refused payment counts nothing").containsOnlyOnce("payment SUCCEEDED")
                .doesNotContain("payment DECLINED", "payment ERROR");
    }

    @Test
    void only_the_guest_who_holds_a_booking_can_pay_for_it() {
        // given
        BookingView annas = motel.held(aBooking().by(anna));

        // when
        Refusal byBen = refusal(motel.pay(motel.guest("Ben"), annas, GOOD_CARD, Optional.empty()));
        Refusal byStaff = refusal(motel.pay(motel.staff("Sam"), annas, GOOD_CARD, Optional.empty()));

        // then
        assertThat(byBen.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(byStaff.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(motel.cards.charged()).isEmpty();
    }
}
