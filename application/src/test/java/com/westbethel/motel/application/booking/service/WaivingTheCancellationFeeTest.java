package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static com.westbethel.motel.application.booking.service.BookingFixture.usd;
import static com.westbethel.motel.application.booking.service.DeskConsole.aWalkIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.BookingView.DeskRefund;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentMethod;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.booking.BookingStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The front desk waives the cancellation fee: everything paid goes back, and the reason is audited with the clerk. The walk-ins
 * here check in tomorrow, already inside the policy's 48 hours, so the policy alone would keep the first night.
 */
class WaivingTheCancellationFeeTest {

    private final BookingFixture motel = BookingFixture.withQueenRooms(2);
    private final DeskConsole desk = new DeskConsole(motel);
    private final Actor clerk = motel.staff("Sam");

    @Test
    void waiving_the_fee_refunds_everything_paid_at_the_desk_and_audits_the_reason_with_the_clerk() {
        // given
        BookingView paid = desk.paidAtTheDesk(aWalkIn(clerk).forStay(BookingFixture.TODAY.plusDays(1), 2), PaymentMethod.CASH);
        assertThat(succeeded(motel.cancelBooking.quote(clerk, paid.id())).refund()).as("the policy's refund").isEqualTo(usd("100.00"));
        motel.metrics.clear();

        // when
        BookingView cancelled = succeeded(motel.cancelBooking.cancelWaivingFee(clerk, paid.id(), "  Family emergency, called ahead  "));

        // then
        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(cancelled.refunded()).isEqualTo(usd("200.00"));
        assertThat(cancelled.deskRefund()).contains(new DeskRefund(usd("200.00"), PaymentMethod.CASH));
        assertThat(motel.cards.refunds()).as("the processor never saw the cash").isEmpty();
        AuditEntry audited = last(motel.auditLog.entries());
        assertThat(audited.action()).isEqualTo("BOOKING_CANCELLED_FEE_WAIVED");
        assertThat(audited.actor()).isEqualTo("staff:" + clerk.account().orElseThrow());
        assertThat(audited.after()).containsEntry("waiverReason", "Family emergency, called ahead").containsEntry("status", "CANCELLED")
                .containsEntry("refunded", usd("200.00").toString());
        assertThat(motel.metrics.recorded()).containsExactly("booking cancelled FRONT_DESK");
    }

    @Test
    void without_a_reason_nothing_is_cancelled() {
        // given
        BookingView paid = desk.paidAtTheDesk(aWalkIn(clerk).forStay(BookingFixture.TODAY.plusDays(1), 1), PaymentMethod.CARD_PRESENT);
        int audited = motel.auditLog.entries().size();

        // when
        List<Refusal> refusals = java.util.stream.Stream.of(null, "", "   ", "x".repeat(501), "line\u0007bell", "right\u202Eleft")
                .map(reason -> refusal(motel.cancelBooking.cancelWaivingFee(clerk, paid.id(), reason))).toList();

        // then
        assertThat(refusals).extracting(Refusal::kind).containsOnly(Refusal.Kind.INVALID);
        assertThat(refusals).extracting(Refusal::field).containsOnly("reason");
        assertThat(motel.stored(paid).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(motel.auditLog.entries()).hasSize(audited);
    }

    @Test
    void a_guest_cannot_waive_the_fee_and_a_checked_in_stay_cannot_be_cancelled() {
        // given
        Actor anna = motel.guest("Anna");
        BookingView own = motel.paid(BookingFixture.aBooking().by(anna).forStay(BookingFixture.JULY_1, 1));
        BookingView tonight = desk.paidAtTheDesk(aWalkIn(clerk), PaymentMethod.CASH);
        succeeded(motel.frontDesk.checkIn(clerk, tonight.id()));

        // when
        Refusal guest = refusal(motel.cancelBooking.cancelWaivingFee(anna, own.id(), "I would like it free"));
        Refusal checkedIn = refusal(motel.cancelBooking.cancelWaivingFee(clerk, tonight.id(), "Changed their mind"));

        // then
        assertThat(guest.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(motel.stored(own).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(checkedIn.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(motel.stored(tonight).status()).isEqualTo(BookingStatus.CHECKED_IN);
    }

    @Test
    void waiving_the_fee_on_a_processor_card_refunds_the_whole_charge_under_its_own_key_and_takes_the_points_back() {
        // given: paid online by card, and the free window over (check-in is 15:00 at the motel, 19:00 UTC in July)
        Actor anna = motel.guest("Anna");
        BookingView paid = motel.paid(BookingFixture.aBooking().by(anna).forStay(BookingFixture.JULY_1, 2));
        motel.clock.advance(Duration.between(motel.clock.instant(), Instant.parse("2027-06-29T19:00:00Z")));
        assertThat(succeeded(motel.cancelBooking.quote(clerk, paid.id())).free()).as("the policy would keep the first night").isFalse();
        // A policy refund the processor made under its own key, whose motel transaction then rolled back.
        motel.cards.refunds().put("refund:" + paid.id() + ":100.00", usd("100.00"));

        // when
        BookingView cancelled = succeeded(motel.cancelBooking.cancelWaivingFee(clerk, paid.id(), "Flight cancelled"));

        // then
        assertThat(cancelled.refunded()).isEqualTo(usd("200.00"));
        assertThat(cancelled.deskRefund()).as("the processor gives it back, not the desk").isEmpty();
        assertThat(motel.cards.refunds()).containsEntry("refund:" + paid.id() + ":200.00", usd("200.00"));
        assertThat(motel.loyalty.balance(anna.account().orElseThrow()).points()).isZero();
    }

    @Test
    void a_processor_answering_a_different_amount_for_the_refund_key_stops_the_cancellation() {
        // given
        Actor anna = motel.guest("Anna");
        BookingView paid = motel.paid(BookingFixture.aBooking().by(anna).forStay(BookingFixture.JULY_1, 2));
        motel.cards.refunds().put("refund:" + paid.id() + ":200.00", usd("50.00"));

        // when / then
        assertThatThrownBy(() -> motel.cancelBooking.cancelWaivingFee(clerk, paid.id(), "Flight cancelled"))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("50.00");
        assertThat(motel.payments.refunded(motel.payments.all().get(0).id())).as("nothing recorded as refunded").isEmpty();
    }

    @Test
    void with_no_fee_to_waive_the_booking_is_cancelled_under_the_policy_and_audited_as_such_with_the_reason() {
        // given: ten days ahead, inside the free window
        BookingView paid = desk.paidAtTheDesk(aWalkIn(clerk).forStay(BookingFixture.TODAY.plusDays(10), 1), PaymentMethod.CASH);
        assertThat(succeeded(motel.cancelBooking.quote(clerk, paid.id())).free()).isTrue();

        // when
        BookingView cancelled = succeeded(motel.cancelBooking.cancelWaivingFee(clerk, paid.id(), "Asked to waive, nothing to waive"));

        // then
        assertThat(cancelled.refunded()).isEqualTo(usd("100.00"));
        AuditEntry audited = last(motel.auditLog.entries());
        assertThat(audited.action()).isEqualTo("BOOKING_CANCELLED");
        assertThat(audited.after()).containsEntry("deskReason", "Asked to waive, nothing to waive").doesNotContainKey("waiverReason");
    }

    @Test
    void a_booking_cancelled_meanwhile_is_a_conflict_whatever_the_reason() {
        // given
        BookingView paid = desk.paidAtTheDesk(aWalkIn(clerk).forStay(BookingFixture.TODAY.plusDays(1), 1), PaymentMethod.CASH);
        succeeded(motel.cancelBooking.cancelWaivingFee(clerk, paid.id(), "First clerk"));

        // when
        Refusal blank = refusal(motel.cancelBooking.cancelWaivingFee(clerk, paid.id(), " "));

        // then
        assertThat(blank.kind()).isEqualTo(Refusal.Kind.CONFLICT);
    }

    private static AuditEntry last(List<AuditEntry> entries) {
        return entries.get(entries.size() - 1);
    }
}
