package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.NOW;
import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static com.westbethel.motel.application.booking.service.BookingFixture.usd;
import static com.westbethel.motel.application.booking.service.DeskConsole.aWalkIn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.westbethel.motel.application.audit.port.out.AuditLog.StoredEntry;
import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentMethod;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.ViewBookingRecordUseCase.BookingRecord;
import com.westbethel.motel.application.notification.port.out.EmailHistory.EmailRecord;
import com.westbethel.motel.domain.notification.EmailStatus;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The front desk's record of one booking: payments, refunds, emails and the audited history, for staff only. */
class ViewBookingRecordServiceTest {

    private final BookingFixture motel = BookingFixture.withQueenRooms(2);
    private final DeskConsole desk = new DeskConsole(motel);
    private final InMemoryEmailHistory emails = new InMemoryEmailHistory();
    private final ViewBookingRecordService records = new ViewBookingRecordService(motel.bookings, motel.inventory, motel.payments, emails,
            motel.auditLog, BookingSettings.defaults(), motel.clock);
    private final Actor clerk = motel.staff("Sam");

    @Test
    void the_desk_sees_the_payment_the_refund_the_emails_and_the_history_of_booking_and_payment_in_order() {
        // given: a walk-in for two nights paid in cash, then cancelled under the policy (late: the first night is kept)
        BookingView paid = desk.paidAtTheDesk(aWalkIn(clerk).forStay(BookingFixture.TODAY.plusDays(1), 2), PaymentMethod.CASH);
        motel.clock.advance(Duration.ofMinutes(5));
        succeeded(motel.cancelBooking.cancel(clerk, paid.id(), Channel.FRONT_DESK));
        EmailRecord older = emails.queue(paid.reference(), "booking-confirmation", EmailStatus.SENT, NOW);
        EmailRecord newer = emails.queue(paid.reference(), "booking-cancelled", EmailStatus.QUEUED, NOW.plusSeconds(300));
        emails.queue("WB-OTHER1", "booking-confirmation", EmailStatus.SENT, NOW);

        // when
        BookingRecord record = succeeded(records.record(clerk, paid.id()));

        // then
        assertThat(record.roomTypeName()).isEqualTo("Queen Room");
        assertThat(record.details().payments()).singleElement().satisfies(payment -> {
            assertThat(payment.method()).isEqualTo(PaymentMethod.CASH);
            assertThat(payment.amount()).isEqualTo(usd("200.00"));
        });
        assertThat(record.details().refunds()).singleElement().satisfies(refund -> assertThat(refund.amount()).isEqualTo(usd("100.00")));
        assertThat(record.details().cancellation()).as("cancelled: nothing left to cancel").isEmpty();
        assertThat(record.emails()).containsExactly(newer, older);
        UUID payment = record.details().payments().get(0).id();
        assertThat(record.history()).extracting(stored -> stored.entry().action(), stored -> stored.entry().entityType())
                .containsExactly(tuple("BOOKING_HELD", "booking"), tuple("PAYMENT_SUCCEEDED", "payment"), tuple("BOOKING_CONFIRMED", "booking"),
                        tuple("BOOKING_CANCELLED", "booking"));
        assertThat(record.history()).extracting(StoredEntry::id).isSorted();
        assertThat(record.history().get(1).entry().entityId()).isEqualTo(payment.toString());
    }

    @Test
    void a_guest_is_answered_as_if_the_booking_did_not_exist_even_their_own() {
        // given
        Actor anna = motel.guest("Anna");
        BookingView own = motel.held(BookingFixture.aBooking().by(anna).forStay(BookingFixture.JULY_1, 1));

        // when
        Refusal refused = refusal(records.record(anna, own.id()));

        // then
        assertThat(refused.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
    }
}
