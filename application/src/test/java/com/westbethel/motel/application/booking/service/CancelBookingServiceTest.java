package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.JULY_1;
import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static com.westbethel.motel.application.booking.service.BookingFixture.aPromotion;
import static com.westbethel.motel.application.booking.service.BookingFixture.aRatePlan;
import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static com.westbethel.motel.application.booking.service.BookingFixture.usd;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.in.ViewLoyaltyUseCase.Movement;
import com.westbethel.motel.application.notification.event.BookingCancelled;
import com.westbethel.motel.domain.booking.BookingStatus;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Check-in is 15:00 at the motel (19:00 UTC in July); cancelling is free until 48 hours before. */
class CancelBookingServiceTest {

    private static final Instant FREE_UNTIL = Instant.parse("2027-06-29T19:00:00Z");

    private final BookingFixture motel = BookingFixture.withQueenRooms(1);
    private final Actor anna = motel.guest("Anna");

    @Test
    void cancelling_an_unpaid_hold_refunds_nothing_and_frees_the_room_for_the_next_guest() {
        // given
        BookingView held = motel.held(aBooking().by(anna).forStay(JULY_1, 2));

        // when
        BookingView cancelled = succeeded(motel.cancelBooking.cancel(anna, held.id(), Channel.API));

        // then
        assertThat(cancelled.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(cancelled.refunded()).isEqualTo(usd("0.00"));
        assertThat(motel.cards.refunds()).isEmpty();
        assertThat(motel.book(aBooking().by(motel.guest("Ben")).forStay(JULY_1, 2))).isInstanceOf(Outcome.Success.class);
    }

    @Test
    void cancelling_inside_the_free_window_refunds_everything_and_takes_the_points_back() {
        // given
        BookingView paid = motel.paid(aBooking().by(anna).forStay(JULY_1, 2));
        motel.clock.advance(Duration.between(motel.clock.instant(), FREE_UNTIL).minusSeconds(1));

        // when
        BookingView cancelled = succeeded(motel.cancelBooking.cancel(anna, paid.id(), Channel.API));

        // then
        assertThat(cancelled.refunded()).isEqualTo(usd("200.00"));
        assertThat(motel.cards.refunds()).containsEntry("refund:" + paid.id() + ":200.00", usd("200.00"));
        assertThat(motel.payments.refunded(motel.payments.all().get(0).id())).contains(usd("200.00"));
        assertThat(motel.loyalty.balance(anna.account().orElseThrow()).points()).isZero();
        assertThat(motel.loyalty.history(anna.account().orElseThrow(), 10)).extracting(Movement::kind, Movement::points)
                .containsExactly(tuple("REVERSED", -2_000L), tuple("EARNED", 2_000L));
    }

    @Test
    void cancelling_after_the_free_window_keeps_the_first_night_and_refunds_the_rest() {
        // given: Thursday at $120, Friday at the weekend's $150
        motel.prices(aRatePlan().forType(motel.queen).weekdaysAt("120.00").weekendsAt("150.00"));
        BookingView paid = motel.paid(aBooking().by(anna).forStay(JULY_1, 2));
        motel.clock.advance(Duration.between(motel.clock.instant(), FREE_UNTIL));

        // when
        BookingView cancelled = succeeded(motel.cancelBooking.cancel(anna, paid.id(), Channel.API));

        // then
        assertThat(paid.total()).isEqualTo(usd("270.00"));
        assertThat(cancelled.refunded()).isEqualTo(usd("150.00"));
        assertThat(motel.cards.refunds()).containsEntry("refund:" + paid.id() + ":150.00", usd("150.00"));
        assertThat(motel.events.of(BookingCancelled.class)).singleElement().extracting(BookingCancelled::refund).isEqualTo(usd("150.00"));
    }

    @Test
    void a_late_cancellation_of_a_discounted_stay_keeps_the_first_night_at_its_discounted_price() {
        // given: $270 less 10% is $243, of which the first night's share is $108
        motel.prices(aRatePlan().forType(motel.queen).weekdaysAt("120.00").weekendsAt("150.00"));
        motel.offers(aPromotion().code("SUMMER10").percentOff(10));
        BookingView paid = motel.paid(aBooking().by(anna).forStay(JULY_1, 2).withCode("SUMMER10"));
        motel.clock.advance(Duration.between(motel.clock.instant(), FREE_UNTIL).plusHours(1));

        // when
        BookingView cancelled = succeeded(motel.cancelBooking.cancel(anna, paid.id(), Channel.API));

        // then
        assertThat(paid.total()).isEqualTo(usd("243.00"));
        assertThat(cancelled.refunded()).isEqualTo(usd("135.00"));
    }

    @Test
    void once_the_stay_has_begun_the_guest_cannot_cancel_and_nothing_is_refunded() {
        // given
        BookingView paid = motel.paid(aBooking().by(anna).forStay(JULY_1, 2));
        motel.clock.advance(Duration.between(motel.clock.instant(), Instant.parse("2027-07-01T19:00:00Z")));

        // when
        Refusal refused = refusal(motel.cancelBooking.cancel(anna, paid.id(), Channel.API));

        // then
        assertThat(refused.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(refused.reason()).contains("has begun");
        assertThat(motel.stored(paid).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(motel.cards.refunds()).isEmpty();
        assertThat(motel.loyalty.balance(anna.account().orElseThrow()).points()).isEqualTo(2_000);
    }

    @Test
    void a_guest_cannot_cancel_someone_elses_booking_but_the_front_desk_can() {
        // given
        BookingView annas = motel.paid(aBooking().by(anna));

        // when
        Refusal byBen = refusal(motel.cancelBooking.cancel(motel.guest("Ben"), annas.id(), Channel.API));
        BookingView byStaff = succeeded(motel.cancelBooking.cancel(motel.staff("Sam"), annas.id(), Channel.FRONT_DESK));

        // then
        assertThat(byBen.kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(byStaff.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(motel.auditLog.entries()).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("BOOKING_CANCELLED");
            assertThat(entry.actor()).startsWith("staff:");
            assertThat(entry.before()).containsEntry("status", "CONFIRMED");
            assertThat(entry.after()).containsEntry("status", "CANCELLED").containsEntry("refunded", "200.00 USD");
        });
        assertThat(motel.metrics.recorded()).as("Ben's refused try counts nothing").filteredOn(line -> line.startsWith("booking cancelled"))
                .containsExactly("booking cancelled FRONT_DESK");
    }

    @Test
    void a_cancelled_booking_cannot_be_cancelled_again_nor_refunded_twice() {
        // given
        BookingView paid = motel.paid(aBooking().by(anna));
        motel.cancelBooking.cancel(anna, paid.id(), Channel.API);

        // when
        Refusal again = refusal(motel.cancelBooking.cancel(anna, paid.id(), Channel.API));

        // then
        assertThat(again.reason()).isEqualTo("Booking %s is CANCELLED and can no longer be cancelled.".formatted(paid.reference()));
        assertThat(motel.cards.refunds()).hasSize(1);
        assertThat(motel.metrics.recorded()).filteredOn(line -> line.startsWith("booking cancelled")).containsExactly("booking cancelled API");
    }
}
