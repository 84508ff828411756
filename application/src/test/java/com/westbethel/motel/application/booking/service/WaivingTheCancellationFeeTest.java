package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static com.westbethel.motel.application.booking.service.BookingFixture.usd;
import static com.westbethel.motel.application.booking.service.DeskConsole.aWalkIn;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.BookingView.DeskRefund;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentMethod;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.domain.audit.AuditEntry;
import com.westbethel.motel.domain.booking.BookingStatus;
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
        List<Refusal> refusals = java.util.stream.Stream.of(null, "", "   ", "x".repeat(501), "line\u0007bell")
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

    private static AuditEntry last(List<AuditEntry> entries) {
        return entries.get(entries.size() - 1);
    }
}
