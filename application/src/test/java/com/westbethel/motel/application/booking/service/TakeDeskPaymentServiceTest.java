package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static com.westbethel.motel.application.booking.service.DeskConsole.aWalkIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.BookingView.DeskRefund;
import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentMethod;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentStatus;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.service.InMemoryBooking.FakeCardProcessor;
import com.westbethel.motel.application.notification.event.BookingCancelled;
import com.westbethel.motel.application.notification.event.BookingConfirmed;
import com.westbethel.motel.application.notification.event.PaymentReceived;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.booking.BookingStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Payments taken at the front desk, and their refunds: the card processor is never called for either. */
class TakeDeskPaymentServiceTest {

    private final BookingFixture motel = BookingFixture.withQueenRooms(3);
    private final DeskConsole desk = new DeskConsole(motel);
    private final Actor clerk = motel.staff("Sam");

    @Test
    void cash_confirms_the_walk_in_at_once_recorded_with_its_method_audited_as_the_clerk_and_no_processor_call() {
        // given
        BookingView held = succeeded(desk.book(aWalkIn(clerk)));
        motel.metrics.clear();

        // when
        PaymentView paid = succeeded(desk.takePayment(clerk, held, PaymentMethod.CASH));

        // then
        assertThat(paid.status()).isEqualTo(PaymentStatus.SUCCEEDED);
        assertThat(paid.method()).isEqualTo(PaymentMethod.CASH);
        assertThat(paid.amount()).isEqualTo(held.total());
        assertThat(motel.stored(held).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(motel.payments.all()).singleElement().isEqualTo(paid);
        assertThat(motel.cards.charged()).as("the processor never saw it").isEmpty();
        List<AuditEntry> audited = motel.auditLog.entries().subList(motel.auditLog.entries().size() - 2, motel.auditLog.entries().size());
        assertThat(audited).extracting(AuditEntry::action).containsExactly("PAYMENT_SUCCEEDED", "BOOKING_CONFIRMED");
        assertThat(audited).extracting(AuditEntry::actor).containsOnly("staff:" + clerk.account().orElseThrow());
        assertThat(audited.get(0).after()).containsEntry("method", "CASH").containsEntry("booking", held.id().toString());
        assertThat(motel.metrics.recorded()).containsExactly("booking confirmed 100.00 USD FRONT_DESK");
    }

    @Test
    void a_walk_in_without_an_address_is_sent_nothing_and_one_with_an_address_gets_the_confirmation_and_receipt() {
        // given
        BookingView withoutAddress = succeeded(desk.book(aWalkIn(clerk)));
        BookingView withAddress = succeeded(desk.book(aWalkIn(clerk).guest("Ola", "Nordmann", "ola@example.com")));

        // when
        succeeded(desk.takePayment(clerk, withoutAddress, PaymentMethod.CARD_PRESENT));
        int sentForTheFirst = motel.events.of(BookingConfirmed.class).size() + motel.events.of(PaymentReceived.class).size();
        succeeded(desk.takePayment(clerk, withAddress, PaymentMethod.CASH));

        // then
        assertThat(sentForTheFirst).isZero();
        assertThat(motel.events.of(BookingConfirmed.class)).singleElement()
                .satisfies(confirmed -> assertThat(confirmed.recipient().email().value()).isEqualTo("ola@example.com"));
        assertThat(motel.events.of(PaymentReceived.class)).hasSize(1);
    }

    @Test
    void a_second_payment_is_refused_and_records_nothing() {
        // given
        BookingView held = succeeded(desk.book(aWalkIn(clerk)));
        succeeded(desk.takePayment(clerk, held, PaymentMethod.CASH));

        // when
        Refusal again = refusal(desk.takePayment(clerk, held, PaymentMethod.CARD_PRESENT));

        // then
        assertThat(again.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(again.reason()).isEqualTo("Booking %s is CONFIRMED; only a booking awaiting payment can be paid.".formatted(held.reference()));
        assertThat(motel.payments.all()).hasSize(1);
    }

    @Test
    void a_hold_that_ran_out_a_card_payment_in_flight_an_unknown_booking_and_a_processor_card_are_refused() {
        // given
        BookingView expired = succeeded(desk.book(aWalkIn(clerk)));
        motel.clock.advance(Duration.ofMinutes(16));
        Actor anna = motel.guest("Anna");
        BookingView charging = motel.held(aBooking().by(anna));
        motel.cards.onTheWay(() -> assertThat(refusal(desk.takePayment(clerk, charging, PaymentMethod.CASH)).reason())
                .contains("A card payment for booking " + charging.reference() + " is being processed"));

        // when
        Refusal late = refusal(desk.takePayment(clerk, expired, PaymentMethod.CASH));
        succeeded(motel.pay(anna, charging, FakeCardProcessor.GOOD_CARD, Optional.empty()));
        Refusal unknown = refusal(desk.deskPayments.takePayment(clerk, UUID.randomUUID(), PaymentMethod.CASH));
        Refusal card = refusal(desk.takePayment(clerk, expired, PaymentMethod.CARD));

        // then
        assertThat(late.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(late.reason()).startsWith("The hold on booking " + expired.reference() + " expired");
        assertThat(unknown.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(card.field()).isEqualTo("method");
        assertThat(motel.payments.all()).extracting(PaymentView::method).containsExactly(PaymentMethod.CARD);
    }

    @Test
    void a_guest_cannot_take_a_desk_payment_for_their_own_booking() {
        // given
        Actor anna = motel.guest("Anna");
        BookingView own = motel.held(aBooking().by(anna));

        // when
        Refusal refused = refusal(desk.takePayment(anna, own, PaymentMethod.CASH));

        // then: a guest sees the booking, but paying without the processor is the desk's alone
        assertThat(refused.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(motel.payments.all()).isEmpty();
    }

    @Test
    void cancelling_a_cash_walk_in_records_the_refund_without_the_processor_and_says_to_give_it_back_in_cash() {
        // given: two nights a month ahead, well inside the free cancellation window: all of it comes back
        BookingView paid = desk.paidAtTheDesk(aWalkIn(clerk).forStay(BookingFixture.JULY_1, 2), PaymentMethod.CASH);

        // when
        BookingView cancelled = succeeded(motel.cancelBooking.cancel(clerk, paid.id(), Channel.FRONT_DESK));

        // then
        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(cancelled.refunded()).isEqualTo(paid.total());
        assertThat(motel.cards.refunds()).as("nothing to refund through the processor").isEmpty();
        UUID payment = motel.payments.all().get(0).id();
        assertThat(motel.payments.refunded(payment)).contains(paid.total());
        assertThat(cancelled.deskRefund()).contains(new DeskRefund(paid.total(), PaymentMethod.CASH));
        assertThat(cancelled.deskRefund().orElseThrow().instruction()).isEqualTo("Give 200.00 USD back in cash at the desk.");
        assertThat(motel.events.of(BookingCancelled.class)).as("no address, no email").isEmpty();
    }

    @Test
    void cancelling_a_card_present_booking_late_refunds_what_the_policy_gives_back_on_the_desks_terminal() {
        // given: tonight, so inside 48 hours of check-in: the first night is kept
        BookingView paid = desk.paidAtTheDesk(aWalkIn(clerk).forStay(BookingFixture.TODAY, 2), PaymentMethod.CARD_PRESENT);

        // when
        BookingView cancelled = succeeded(motel.cancelBooking.cancel(clerk, paid.id(), Channel.FRONT_DESK));

        // then
        assertThat(cancelled.refunded()).isEqualTo(BookingFixture.usd("100.00"));
        assertThat(motel.cards.refunds()).isEmpty();
        assertThat(cancelled.deskRefund().orElseThrow().instruction())
                .isEqualTo("Refund 100.00 USD to the guest's card on the desk's card terminal.");
    }

    @Test
    void a_booking_paid_by_card_through_the_processor_is_still_refunded_through_it_and_no_desk_refund_is_asked() {
        // given
        Actor anna = motel.guest("Anna");
        BookingView paid = motel.paid(aBooking().by(anna));

        // when
        BookingView cancelled = succeeded(motel.cancelBooking.cancel(anna, paid.id(), Channel.API));

        // then
        assertThat(motel.cards.refunds()).containsValue(paid.total());
        assertThat(cancelled.deskRefund()).isEmpty();
    }
}
