package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.JULY_1;
import static com.westbethel.motel.application.booking.service.BookingFixture.NOW;
import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static com.westbethel.motel.application.booking.service.BookingFixture.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentStatus;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase.BookingDetails;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase.CalendarFile;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase.RefundView;
import com.westbethel.motel.application.booking.service.InMemoryBooking.FakeCardProcessor;
import com.westbethel.motel.domain.booking.CancellationQuote;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The manage page's facts: the booking, its payments and refunds, what cancelling would refund, and its calendar entry. */
class BookingDetailsTest {

    /** 48 hours before 15:00 at the motel on 1 July (19:00 UTC). */
    private static final Instant FREE_UNTIL = Instant.parse("2027-06-29T19:00:00Z");

    private final BookingFixture motel = BookingFixture.withQueenRooms(1);
    private final Actor anna = motel.guest("Anna");

    @Test
    void a_paid_booking_shows_its_payments_and_what_cancelling_now_would_refund() {
        // given
        BookingView held = motel.held(aBooking().by(anna).forStay(JULY_1, 2));
        motel.pay(anna, held, FakeCardProcessor.DECLINED_CARD, Optional.empty());
        succeeded(motel.pay(anna, held, FakeCardProcessor.GOOD_CARD, Optional.empty()));

        // when
        BookingDetails details = succeeded(motel.viewBookings.details(anna, held.id()));

        // then
        assertThat(details.booking().id()).isEqualTo(held.id());
        assertThat(details.payments()).extracting(PaymentView::status).containsExactly(PaymentStatus.DECLINED, PaymentStatus.SUCCEEDED);
        assertThat(details.refunds()).isEmpty();
        assertThat(details.cancellation()).contains(new CancellationQuote(usd("200.00"), usd("200.00"), usd("0.00"), true, FREE_UNTIL));
    }

    @Test
    void the_quote_after_the_free_window_keeps_the_first_night_and_changes_nothing() {
        // given
        BookingView paid = motel.paid(aBooking().by(anna).forStay(JULY_1, 2));
        motel.clock.advance(Duration.between(NOW, FREE_UNTIL));

        // when
        CancellationQuote quote = succeeded(motel.cancelBooking.quote(anna, paid.id()));

        // then
        assertThat(quote).isEqualTo(new CancellationQuote(usd("200.00"), usd("100.00"), usd("100.00"), false, FREE_UNTIL));
        assertThat(motel.stored(paid).status()).isEqualTo(paid.status());
        assertThat(succeeded(motel.cancelBooking.cancel(anna, paid.id(), Channel.API)).refunded()).isEqualTo(quote.refund());
    }

    @Test
    void a_cancelled_booking_shows_its_refund_and_no_quote() {
        // given
        BookingView paid = motel.paid(aBooking().by(anna).forStay(JULY_1, 2));
        motel.clock.advance(Duration.ofHours(1));
        succeeded(motel.cancelBooking.cancel(anna, paid.id(), Channel.API));

        // when
        BookingDetails details = succeeded(motel.viewBookings.details(anna, paid.id()));

        // then
        assertThat(details.refunds()).singleElement().isEqualTo(new RefundView(details.payments().get(0).id(), usd("200.00"),
                NOW.plus(Duration.ofHours(1))));
        assertThat(details.cancellation()).isEmpty();
        assertThat(refusal(motel.cancelBooking.quote(anna, paid.id())).kind()).isEqualTo(Refusal.Kind.CONFLICT);
    }

    @Test
    void the_calendar_entry_is_the_stay_at_the_motels_times_and_only_for_who_sees_the_booking() {
        // given
        BookingView held = motel.held(aBooking().by(anna).forStay(JULY_1, 2));

        // when
        CalendarFile calendar = succeeded(motel.viewBookings.calendar(anna, held.id()));

        // then
        assertThat(calendar.fileName()).isEqualTo("stay-" + held.reference() + ".ics");
        assertThat(calendar.contentType()).startsWith("text/calendar");
        assertThat(calendar.content()).contains("DTSTART:20270701T190000Z\r\n").contains("DTEND:20270703T150000Z\r\n")
                .contains("UID:" + held.reference() + "@westbethelmotel.com");
        assertThat(refusal(motel.viewBookings.calendar(motel.guest("Ben"), held.id())).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(refusal(motel.viewBookings.details(motel.guest("Ben"), held.id())).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(refusal(motel.cancelBooking.quote(motel.guest("Ben"), held.id())).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
    }
}
