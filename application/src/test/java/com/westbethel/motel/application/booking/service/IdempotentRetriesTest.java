package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.JULY_1;
import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static com.westbethel.motel.application.booking.service.InMemoryBooking.FakeCardProcessor.DECLINED_CARD;
import static com.westbethel.motel.application.booking.service.InMemoryBooking.FakeCardProcessor.GOOD_CARD;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentStatus;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.in.Refusal;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** An Idempotency-Key makes a retry safe: the first answer again, never a second booking or charge. */
class IdempotentRetriesTest {

    private final BookingFixture motel = BookingFixture.withQueenRooms(3);
    private final Actor anna = motel.guest("Anna");

    @Test
    void a_booking_retried_with_the_same_key_gets_the_first_booking_back_and_holds_no_second_room() {
        // given
        BookingView first = motel.held(aBooking().by(anna).forStay(JULY_1, 2).withKey("key-1"));

        // when
        Outcome<BookingView> retry = motel.book(aBooking().by(anna).forStay(JULY_1, 2).withKey("key-1"));

        // then
        assertThat(retry).isEqualTo(Outcome.replayed(first));
        assertThat(motel.bookings.countAll()).isEqualTo(1);
        assertThat(motel.metrics.recorded()).as("a replay is not a new booking").containsExactly("booking created API");
    }

    @Test
    void the_same_key_with_a_different_booking_request_is_refused_and_books_nothing() {
        // given
        motel.held(aBooking().by(anna).forStay(JULY_1, 2).withKey("key-1"));

        // when
        Refusal refused = refusal(motel.book(aBooking().by(anna).forStay(JULY_1, 3).withKey("key-1")));

        // then
        assertThat(refused.kind()).isEqualTo(Refusal.Kind.IDEMPOTENCY_MISMATCH);
        assertThat(refused.reason()).isEqualTo("This Idempotency-Key was used with a different request. Use a new key for a new booking.");
        assertThat(motel.bookings.countAll()).isEqualTo(1);
    }

    @Test
    void a_retry_gets_the_first_answer_even_once_the_hold_has_run_out() {
        // given
        BookingView first = motel.held(aBooking().by(anna).forStay(JULY_1, 2).withKey("key-1"));
        motel.clock.advance(Duration.ofMinutes(20));

        // when
        Outcome<BookingView> retry = motel.book(aBooking().by(anna).forStay(JULY_1, 2).withKey("key-1"));

        // then
        assertThat(retry).isInstanceOf(Outcome.Success.class);
        assertThat(((Outcome.Success<BookingView>) retry).replayed()).isTrue();
        assertThat(((Outcome.Success<BookingView>) retry).value().id()).isEqualTo(first.id());
    }

    @Test
    void keys_belong_to_their_guest_so_another_guests_same_key_books_anew() {
        // given
        BookingView annas = motel.held(aBooking().by(anna).withKey("key-1"));

        // when
        BookingView bens = motel.held(aBooking().by(motel.guest("Ben")).withKey("key-1"));

        // then
        assertThat(bens.id()).isNotEqualTo(annas.id());
        assertThat(motel.bookings.countAll()).isEqualTo(2);
    }

    @Test
    void a_key_whose_first_request_was_refused_books_when_retried_once_a_room_is_free() {
        // given
        BookingFixture tiny = BookingFixture.withQueenRooms(1);
        Actor ben = tiny.guest("Ben");
        BookingView annas = tiny.held(aBooking().by(tiny.guest("Anna")).forStay(JULY_1, 2));
        assertThat(refusal(tiny.book(aBooking().by(ben).forStay(JULY_1, 2).withKey("key-1"))).kind()).isEqualTo(Refusal.Kind.SOLD_OUT);
        tiny.clock.advance(Duration.ofMinutes(16));
        tiny.expireHolds.expireHolds();

        // when
        Outcome<BookingView> retry = tiny.book(aBooking().by(ben).forStay(JULY_1, 2).withKey("key-1"));

        // then
        assertThat(succeeded(retry).roomNumber()).isEqualTo(annas.roomNumber());
    }

    @Test
    void a_payment_retried_with_the_same_key_returns_the_first_payment_without_charging_again() {
        // given
        BookingView held = motel.held(aBooking().by(anna));
        PaymentView first = succeeded(motel.pay(anna, held, GOOD_CARD, Optional.of("pay-1")));

        // when
        Outcome<PaymentView> retry = motel.pay(anna, held, GOOD_CARD, Optional.of("pay-1"));

        // then
        assertThat(retry).isEqualTo(Outcome.replayed(first));
        assertThat(motel.cards.charged()).hasSize(1);
        assertThat(motel.payments.all()).hasSize(1);
    }

    @Test
    void a_declined_payment_retried_with_the_same_key_is_answered_as_the_first_time() {
        // given
        BookingView held = motel.held(aBooking().by(anna));
        assertThat(refusal(motel.pay(anna, held, DECLINED_CARD, Optional.of("pay-1"))).kind()).isEqualTo(Refusal.Kind.PAYMENT_DECLINED);

        // when
        PaymentView retry = succeeded(motel.pay(anna, held, DECLINED_CARD, Optional.of("pay-1")));

        // then
        assertThat(retry.status()).isEqualTo(PaymentStatus.DECLINED);
        assertThat(retry.declineReason()).contains("Your card was declined.");
        assertThat(motel.payments.all()).hasSize(1);
    }

    @Test
    void the_same_payment_key_with_another_card_is_refused_and_charges_nothing() {
        // given
        BookingView held = motel.held(aBooking().by(anna));
        motel.pay(anna, held, DECLINED_CARD, Optional.of("pay-1"));

        // when
        Refusal refused = refusal(motel.pay(anna, held, GOOD_CARD, Optional.of("pay-1")));

        // then
        assertThat(refused.kind()).isEqualTo(Refusal.Kind.IDEMPOTENCY_MISMATCH);
        assertThat(refused.reason()).isEqualTo("This Idempotency-Key was used with a different request. Use a new key for a new payment.");
        assertThat(motel.cards.charged()).isEmpty();
    }

    @Test
    void a_commands_fingerprint_tells_its_fields_apart_and_takes_only_values_with_a_fixed_text() {
        // when
        String split = Idempotency.fingerprint("ab", "c");
        String splitElsewhere = Idempotency.fingerprint("a", "bc");
        String absent = Idempotency.fingerprint(Optional.empty());
        String empty = Idempotency.fingerprint(Optional.of(""));

        // then
        assertThat(split).isNotEqualTo(splitElsewhere).isEqualTo(Idempotency.fingerprint("ab", "c")).hasSize(64);
        assertThat(absent).isNotEqualTo(empty);
        assertThatThrownBy(() -> Idempotency.fingerprint(List.of("a"))).isInstanceOf(IllegalArgumentException.class);
    }
}
