package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.JULY_1;
import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static com.westbethel.motel.application.booking.service.BookingFixture.usd;
import static com.westbethel.motel.application.booking.service.InMemoryBooking.FakeCardProcessor.GOOD_CARD;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentStatus;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.in.RecoverPendingPaymentsUseCase;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.notification.event.BookingConfirmed;
import com.westbethel.motel.domain.booking.BookingStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Issue 12: the card is charged between two transactions (a PENDING payment, the charge with none open, the outcome), and
 * a process that stops at any point in between leaves a PENDING payment the worker finishes.
 */
class PaymentOutsideTheTransactionTest {

    private final BookingFixture motel = new BookingFixture();
    private final Actor anna = motel.guest("Anna");

    @Test
    void the_card_is_charged_with_no_transaction_open_while_the_payment_waits_as_pending() {
        BookingView held = motel.held(aBooking().by(anna).forStay(JULY_1, 2));
        List<PaymentStatus> whileCharging = new ArrayList<>();
        motel.cards.whileCharging(() -> motel.payments.all().forEach(payment -> whileCharging.add(payment.status())));

        PaymentView payment = succeeded(motel.pay(anna, held, GOOD_CARD, Optional.empty()));

        assertThat(motel.cards.chargedInTransaction()).isFalse();
        assertThat(whileCharging).containsExactly(PaymentStatus.PENDING);
        assertThat(motel.payments.find(payment.id()).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(motel.stored(held).status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void a_process_that_stops_after_the_charge_leaves_a_pending_payment_the_worker_completes_without_charging_again() {
        BookingView held = motel.held(aBooking().by(anna).forStay(JULY_1, 2));
        motel.cards.failingAfterCharging(new IllegalStateException("the API process stopped"));
        assertThat(refusal(motel.pay(anna, held, GOOD_CARD, Optional.empty())).kind()).isEqualTo(Refusal.Kind.PAYMENT_PENDING);
        assertThat(motel.payments.all()).extracting(PaymentView::status).containsExactly(PaymentStatus.PENDING);
        assertThat(motel.stored(held).status()).isEqualTo(BookingStatus.PENDING_PAYMENT);

        motel.clock.advance(Duration.ofMinutes(1));
        assertThat(motel.recoverPendingPayments.recoverPendingPayments().recorded()).as("too recent: the charge may still be under way").isZero();
        motel.clock.advance(Duration.ofMinutes(2));
        assertThat(motel.recoverPendingPayments.recoverPendingPayments().recorded()).isEqualTo(1);

        assertThat(motel.payments.all()).extracting(PaymentView::status).containsExactly(PaymentStatus.SUCCEEDED);
        assertThat(motel.stored(held).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(motel.cards.charged()).hasSize(1);
        assertThat(motel.events.of(BookingConfirmed.class)).hasSize(1);
        assertThat(motel.auditedActions()).containsExactly("BOOKING_HELD", "PAYMENT_SUCCEEDED", "BOOKING_CONFIRMED");
        motel.clock.advance(Duration.ofMinutes(3));
        assertThat(motel.recoverPendingPayments.recoverPendingPayments().recorded()).as("once").isZero();
        assertThat(motel.metrics.recorded()).as("the guest's request gave up; the worker confirmed it, through no channel")
                .containsExactly("booking created API", "payment ERROR", "payment SUCCEEDED", "booking confirmed 200.00 USD (no channel)");
    }

    @Test
    void a_charge_that_never_reached_the_processor_is_recorded_as_not_charged_and_the_hold_is_kept_for_another_try() {
        BookingView held = motel.held(aBooking().by(anna).forStay(JULY_1, 2));
        motel.cards.unreachable(new IllegalStateException("the API process stopped before the charge"));
        assertThat(refusal(motel.pay(anna, held, GOOD_CARD, Optional.empty())).kind()).isEqualTo(Refusal.Kind.PAYMENT_PENDING);
        motel.cards.recovered();

        motel.clock.advance(Duration.ofMinutes(3));
        motel.recoverPendingPayments.recoverPendingPayments();

        assertThat(motel.payments.all()).singleElement().satisfies(payment -> {
            assertThat(payment.status()).isEqualTo(PaymentStatus.DECLINED);
            assertThat(payment.declineReason()).contains(RecoverPendingPaymentsService.NOT_RECEIVED);
        });
        assertThat(motel.cards.charged()).isEmpty();
        assertThat(motel.stored(held).status()).isEqualTo(BookingStatus.PENDING_PAYMENT);
        assertThat(succeeded(motel.pay(anna, held, GOOD_CARD, Optional.empty())).status()).isEqualTo(PaymentStatus.SUCCEEDED);
    }

    @Test
    void a_hold_that_runs_out_while_the_card_is_being_charged_is_still_confirmed_since_the_payment_began_in_time() {
        BookingView held = motel.held(aBooking().by(anna).forStay(JULY_1, 2));
        motel.clock.advance(Duration.ofMinutes(14));
        motel.cards.whileCharging(() -> motel.clock.advance(Duration.ofMinutes(2)));

        PaymentView payment = succeeded(motel.pay(anna, held, GOOD_CARD, Optional.empty()));

        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(motel.stored(held).status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void a_booking_cancelled_while_its_card_was_being_charged_is_not_confirmed_and_the_charge_is_refunded_in_full() {
        BookingView held = motel.held(aBooking().by(anna).forStay(JULY_1, 2));
        motel.cards.whileCharging(() -> succeeded(motel.cancelBooking.cancel(anna, held.id(), Channel.API)));

        Outcome<PaymentView> outcome = motel.pay(anna, held, GOOD_CARD, Optional.empty());

        assertThat(refusal(outcome).kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(refusal(outcome).reason()).contains("refunded in full");
        assertThat(motel.stored(held).status()).isEqualTo(BookingStatus.CANCELLED);
        PaymentView payment = motel.payments.all().get(0);
        assertThat(motel.cards.refunds()).containsEntry("refund:payment:" + payment.id(), usd("200.00"));
        assertThat(motel.payments.refunded(payment.id())).contains(usd("200.00"));
        assertThat(motel.auditedActions()).containsSubsequence("BOOKING_CANCELLED", "PAYMENT_REFUNDED");
        assertThat(motel.metrics.recorded()).as("charged, then refunded: no booking confirmed")
                .containsExactly("booking created API", "booking cancelled API", "payment SUCCEEDED");
    }

    @Test
    void while_a_payment_is_in_flight_another_one_and_a_retry_of_it_are_told_it_is_being_processed_and_charge_nothing() {
        BookingView held = motel.held(aBooking().by(anna).forStay(JULY_1, 2));
        List<Outcome<PaymentView>> meanwhile = new ArrayList<>();
        motel.cards.whileCharging(() -> {
            motel.cards.whileCharging(() -> {
            });
            meanwhile.add(motel.pay(anna, held, GOOD_CARD, Optional.of("key-1")));
            meanwhile.add(motel.pay(anna, held, "tok_mastercard", Optional.empty()));
        });

        succeeded(motel.pay(anna, held, GOOD_CARD, Optional.of("key-1")));

        assertThat(meanwhile).extracting(outcome -> refusal(outcome).kind()).containsOnly(Refusal.Kind.PAYMENT_PENDING);
        assertThat(meanwhile).extracting(outcome -> refusal(outcome).reason()).allSatisfy(reason -> assertThat(reason).contains("being processed"));
        assertThat(motel.cards.charged()).hasSize(1);
        assertThat(motel.payments.all()).hasSize(1);
    }

    @Test
    void when_the_worker_records_a_payment_first_the_request_finishing_it_changes_nothing() {
        BookingView held = motel.held(aBooking().by(anna).forStay(JULY_1, 2));
        motel.cards.whileCharging(() -> {
            motel.clock.advance(Duration.ofMinutes(3));
            motel.recoverPendingPayments.recoverPendingPayments();
        });

        PaymentView payment = succeeded(motel.pay(anna, held, GOOD_CARD, Optional.empty()));

        assertThat(payment.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(motel.auditedActions()).containsExactly("BOOKING_HELD", "PAYMENT_SUCCEEDED", "BOOKING_CONFIRMED");
        assertThat(motel.events.of(BookingConfirmed.class)).hasSize(1);
    }

    // Review, finding 1: a key per booking and card let the processor replay an earlier attempt's approval for a later one.
    @Test
    void each_attempt_has_its_own_processor_key_so_a_late_approval_is_refunded_and_never_confirms_the_booking() {
        BookingView held = motel.held(aBooking().by(anna).forStay(JULY_1, 2));
        List<Outcome<PaymentView>> secondTry = new ArrayList<>();
        // The first attempt's charge is slow to reach the processor: meanwhile it is recorded as never received, and the
        // guest pays again with the same card.
        motel.cards.onTheWay(() -> {
            motel.clock.advance(Duration.ofMinutes(3));
            assertThat(motel.recoverPendingPayments.recoverPendingPayments().recorded()).isEqualTo(1);
            secondTry.add(motel.pay(anna, held, GOOD_CARD, Optional.empty()));
        });

        Outcome<PaymentView> first = motel.pay(anna, held, GOOD_CARD, Optional.empty());

        assertThat(refusal(first).reason()).contains("refunded in full");
        PaymentView late = motel.payments.all().get(0);
        PaymentView paid = succeeded(secondTry.get(0));
        assertThat(motel.payments.gatewayKey(late.id())).isNotEqualTo(motel.payments.gatewayKey(paid.id()));
        assertThat(motel.cards.charged()).as("two charges, not one replayed").hasSize(2);
        assertThat(motel.payments.find(late.id()).orElseThrow().status()).isEqualTo(PaymentStatus.REFUNDED);
        assertThat(motel.payments.refunded(late.id())).contains(usd("200.00"));
        assertThat(motel.cards.refunds()).containsOnlyKeys("refund:payment:" + late.id());
        assertThat(motel.payments.find(paid.id()).orElseThrow().status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(motel.payments.refunded(paid.id())).isEmpty();
        assertThat(motel.stored(held).status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    // Review, finding 3: a processor that fails leaves the payment PENDING; it must not block the booking for long.
    @Test
    void when_the_processor_fails_the_guest_is_told_the_outcome_will_follow_and_the_next_try_after_the_threshold_finishes_it_without_a_worker() {
        BookingView held = motel.held(aBooking().by(anna).forStay(JULY_1, 2));
        motel.cards.unreachable(new IllegalStateException("timed out"));

        Outcome<PaymentView> failed = motel.pay(anna, held, GOOD_CARD, Optional.empty());

        assertThat(refusal(failed).kind()).isEqualTo(Refusal.Kind.PAYMENT_PENDING);
        assertThat(refusal(failed).reason()).contains("has not confirmed");
        motel.cards.recovered();
        assertThat(refusal(motel.pay(anna, held, GOOD_CARD, Optional.empty())).reason()).as("still within the threshold").contains("being processed");

        motel.clock.advance(Duration.ofMinutes(3));
        PaymentView paid = succeeded(motel.pay(anna, held, GOOD_CARD, Optional.empty()));

        assertThat(motel.payments.all()).extracting(PaymentView::status).containsExactly(PaymentStatus.DECLINED, PaymentStatus.SUCCEEDED);
        assertThat(motel.payments.all().get(0).declineReason()).contains(RecoverPendingPaymentsService.NOT_RECEIVED);
        assertThat(paid.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(motel.stored(held).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(motel.metrics.recorded()).containsExactly("booking created API", "payment ERROR", "payment DECLINED", "payment SUCCEEDED",
                "booking confirmed 200.00 USD API");
    }

    @Test
    void a_stalled_payment_the_processor_cannot_look_up_still_answers_that_the_outcome_will_follow() {
        BookingView held = motel.held(aBooking().by(anna).forStay(JULY_1, 2));
        motel.cards.unreachable(new IllegalStateException("timed out"));
        motel.pay(anna, held, GOOD_CARD, Optional.empty());
        motel.cards.recovered();
        motel.cards.lookupFailing(motel.payments.gatewayKey(motel.payments.all().get(0).id()).orElseThrow());
        motel.clock.advance(Duration.ofMinutes(3));

        assertThat(refusal(motel.pay(anna, held, GOOD_CARD, Optional.empty())).kind()).isEqualTo(Refusal.Kind.PAYMENT_PENDING);
        assertThat(motel.payments.all()).extracting(PaymentView::status).containsExactly(PaymentStatus.PENDING);
        assertThat(motel.cards.charged()).isEmpty();
        assertThat(motel.metrics.recorded()).as("one charge, one error: the failed lookup counts nothing")
                .containsExactly("booking created API", "payment ERROR");
    }

    // Review, finding 5: one payment that fails must not stop the run, and it is not retried within it.
    @Test
    void recovery_goes_on_past_a_payment_it_cannot_finish_and_tries_that_one_again_once_its_claim_has_lapsed() {
        BookingView first = motel.held(aBooking().by(anna).forStay(JULY_1, 2));
        Actor ben = motel.guest("Ben");
        BookingView second = motel.held(aBooking().by(ben).forStay(JULY_1.plusDays(5), 2));
        motel.cards.unreachable(new IllegalStateException("the API process stopped before the charge"));
        motel.pay(anna, first, GOOD_CARD, Optional.empty());
        motel.pay(ben, second, GOOD_CARD, Optional.empty());
        motel.cards.recovered();
        UUID stuck = motel.payments.all().get(0).id();
        motel.cards.lookupFailing(motel.payments.gatewayKey(stuck).orElseThrow());
        motel.clock.advance(Duration.ofMinutes(3));

        RecoverPendingPaymentsUseCase.Recovery run = motel.recoverPendingPayments.recoverPendingPayments();

        assertThat(run.recorded()).isEqualTo(1);
        assertThat(run.failed()).containsOnlyKeys(stuck);
        assertThat(motel.payments.find(stuck).orElseThrow().status()).isEqualTo(PaymentStatus.PENDING);
        assertThat(motel.recoverPendingPayments.recoverPendingPayments().failed()).as("claimed: not again at once").isEmpty();
        motel.clock.advance(Duration.ofMinutes(3));
        assertThat(motel.recoverPendingPayments.recoverPendingPayments().failed()).as("its claim lapsed: asked again, failing again")
                .containsOnlyKeys(stuck);
        motel.cards.recovered();
        motel.clock.advance(Duration.ofMinutes(3));
        assertThat(motel.recoverPendingPayments.recoverPendingPayments().recorded()).isEqualTo(1);
        assertThat(motel.payments.find(stuck).orElseThrow().status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(motel.metrics.recorded()).as("an error per charge sent and its answer once known; the two failed lookups count nothing")
                .containsExactly("booking created API", "booking created API", "payment ERROR", "payment ERROR", "payment DECLINED",
                        "payment DECLINED");
    }

    // Review, finding 5: the in-memory bookings expire holds as the SQL does.
    @Test
    void hold_expiry_leaves_a_booking_whose_payment_is_pending_to_that_payment() {
        BookingView held = motel.held(aBooking().by(anna).forStay(JULY_1, 2));
        motel.cards.unreachable(new IllegalStateException("timed out"));
        motel.pay(anna, held, GOOD_CARD, Optional.empty());
        motel.clock.advance(Duration.ofMinutes(20));

        assertThat(motel.expireHolds.expireHolds()).isZero();

        assertThat(motel.stored(held).status()).isEqualTo(BookingStatus.PENDING_PAYMENT);
    }
}
