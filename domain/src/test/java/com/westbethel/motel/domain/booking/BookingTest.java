package com.westbethel.motel.domain.booking;

import static com.westbethel.motel.domain.booking.BookingFixture.MONDAY;
import static com.westbethel.motel.domain.booking.BookingFixture.WEST_BETHEL;
import static com.westbethel.motel.domain.booking.BookingFixture.aQueenRoom;
import static com.westbethel.motel.domain.booking.BookingFixture.usd;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.inventory.CancellationPolicy;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.shared.EmailAddress;
import com.westbethel.motel.domain.stay.Stay;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class BookingTest {

    private static final Instant NOW = Instant.parse("2027-06-01T12:00:00Z");
    private static final GuestContact ANNA = GuestContact.of("Anna", "Berg", new EmailAddress("anna@example.com"));
    private static final ZonedDateTime MONDAY_CHECK_IN = MONDAY.atTime(15, 0).atZone(ZoneId.of("America/New_York"));
    private static final Duration HOLD = Duration.ofMinutes(15);
    private static final Duration WINDOW = Duration.ofMinutes(5);
    private final RoomType queen = aQueenRoom();
    private final Stay stay = Stay.of(MONDAY, 3);

    private Booking aHold() {
        return Booking.hold(WEST_BETHEL, Optional.of(UserId.random()), ANNA, queen.id(), RoomId.random(), stay, 2, StayPricing.quote(queen, List.of(), stay),
                Optional.empty(), NOW, NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void a_new_booking_is_an_unpaid_hold_with_a_readable_reference() {
        Booking booking = aHold();

        assertThat(booking.status()).isEqualTo(BookingStatus.PENDING_PAYMENT);
        assertThat(booking.reference()).matches("WB-[A-HJ-NP-Z2-9]{6}");
    }

    @Test
    void paying_in_time_confirms_and_a_second_payment_is_refused() {
        Booking booking = aHold();

        assertThat(booking.confirmPayment(NOW.plusSeconds(60))).isInstanceOf(Transition.Done.class);
        assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(booking.confirmPayment(NOW.plusSeconds(61))).isInstanceOf(Transition.Refused.class);
    }

    @Test
    void a_hold_is_payable_until_it_expires_and_asking_changes_nothing() {
        Booking booking = aHold();

        assertThat(booking.payable(NOW.plus(Duration.ofMinutes(14)))).isInstanceOf(Transition.Done.class);
        assertThat(booking.status()).isEqualTo(BookingStatus.PENDING_PAYMENT);
        assertThat(booking.payable(NOW.plus(Duration.ofMinutes(15))))
                .isEqualTo(new Transition.Refused("The hold on booking %s expired at %s; please book again."
                        .formatted(booking.reference(), NOW.plus(Duration.ofMinutes(15)))));
    }

    @Test
    void a_confirmed_booking_is_no_longer_payable() {
        Booking booking = aHold();
        booking.confirmPayment(NOW);

        assertThat(booking.payable(NOW)).isEqualTo(new Transition.Refused(
                "Booking %s is CONFIRMED; only a booking awaiting payment can be paid.".formatted(booking.reference())));
    }

    @Test
    void an_expired_hold_cannot_be_paid_and_frees_the_room() {
        Booking booking = aHold();

        assertThat(booking.confirmPayment(NOW.plus(Duration.ofMinutes(15)))).isInstanceOf(Transition.Refused.class);
        assertThat(booking.expireHold(NOW.plus(Duration.ofMinutes(15)))).isTrue();
        assertThat(booking.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(booking.status().holdsRoom()).isFalse();
    }

    @Test
    void a_confirmed_booking_cancelled_late_refunds_all_but_the_first_night() {
        Booking booking = aHold();
        booking.confirmPayment(NOW);

        booking.cancel(new CancellationPolicy(48), MONDAY.atTime(15, 0).atZone(ZoneId.of("America/New_York")),
                MONDAY.atTime(9, 0).atZone(ZoneId.of("America/New_York")).toInstant());

        assertThat(booking.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(booking.refunded()).isEqualTo(usd("198.00"));
        assertThat(booking.cancel(new CancellationPolicy(48), MONDAY.atTime(15, 0).atZone(ZoneId.of("UTC")), NOW))
                .as("cancelled already").isInstanceOf(Transition.Refused.class);
    }

    @Test
    void a_late_cancellation_with_the_fee_waived_refunds_everything_paid() {
        Booking booking = aHold();
        booking.confirmPayment(NOW);

        Transition waived = booking.cancelWaivingFee(MONDAY.atTime(15, 0).atZone(ZoneId.of("America/New_York")),
                MONDAY.atTime(9, 0).atZone(ZoneId.of("America/New_York")).toInstant());

        assertThat(waived).isInstanceOf(Transition.Done.class);
        assertThat(booking.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(booking.refunded()).isEqualTo(booking.price().total());
    }

    @Test
    void waiving_the_fee_cannot_cancel_a_stay_that_has_begun_nor_refund_an_unpaid_hold() {
        Booking begun = aHold();
        begun.confirmPayment(NOW);
        Booking unpaid = aHold();

        Transition late = begun.cancelWaivingFee(MONDAY.atTime(15, 0).atZone(ZoneId.of("America/New_York")),
                MONDAY.plusDays(1).atTime(9, 0).atZone(ZoneId.of("America/New_York")).toInstant());
        unpaid.cancelWaivingFee(MONDAY.atTime(15, 0).atZone(ZoneId.of("America/New_York")), NOW);

        assertThat(late).isInstanceOf(Transition.Refused.class);
        assertThat(begun.status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(unpaid.status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(unpaid.refunded().isZero()).isTrue();
    }

    @Test
    void a_late_cancellation_keeps_the_first_night_at_the_discounted_price() {
        StayQuote halfOff = StayPricing.quote(queen, List.of(), stay).withDiscount(usd("148.50"));
        Booking booking = Booking.hold(WEST_BETHEL, Optional.of(UserId.random()), ANNA, queen.id(), RoomId.random(), stay, 2, halfOff, Optional.of("HALF"),
                NOW, NOW.plus(Duration.ofMinutes(15)));
        booking.confirmPayment(NOW);

        booking.cancel(new CancellationPolicy(48), MONDAY.atTime(15, 0).atZone(ZoneId.of("America/New_York")),
                MONDAY.atTime(9, 0).atZone(ZoneId.of("America/New_York")).toInstant());

        assertThat(booking.refunded()).isEqualTo(usd("99.00"));
    }

    @Test
    void once_the_stay_has_begun_the_guest_cannot_cancel() {
        Booking booking = aHold();
        booking.confirmPayment(NOW);

        Transition late = booking.cancel(new CancellationPolicy(48), MONDAY.atTime(15, 0).atZone(ZoneId.of("America/New_York")),
                MONDAY.plusDays(1).atTime(9, 0).atZone(ZoneId.of("America/New_York")).toInstant());

        assertThat(late).isInstanceOf(Transition.Refused.class);
        assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
    }

    @Test
    void check_in_on_the_day_then_check_out() {
        Booking booking = aHold();
        booking.confirmPayment(NOW);

        assertThat(booking.checkIn(MONDAY.minusDays(1))).isInstanceOf(Transition.Refused.class);
        assertThat(booking.checkIn(MONDAY)).isInstanceOf(Transition.Done.class);
        assertThat(booking.checkOut()).isInstanceOf(Transition.Done.class);
        assertThat(booking.status()).isEqualTo(BookingStatus.CHECKED_OUT);
    }

    @Test
    void the_front_desk_rules_read_from_a_status_and_a_stay_agree_with_the_transitions() {
        Booking booking = aHold();
        Stay stay = booking.stay();
        LocalDate lastNight = stay.checkOut().minusDays(1);

        assertThat(Booking.mayCheckIn(BookingStatus.PENDING_PAYMENT, stay, MONDAY)).isFalse();
        assertThat(Booking.mayCheckIn(BookingStatus.CONFIRMED, stay, MONDAY.minusDays(1))).isFalse();
        assertThat(Booking.mayCheckIn(BookingStatus.CONFIRMED, stay, lastNight)).isTrue();
        assertThat(Booking.mayCheckIn(BookingStatus.CONFIRMED, stay, stay.checkOut())).isFalse();
        assertThat(Booking.mayCheckOut(BookingStatus.CHECKED_IN)).isTrue();
        assertThat(Booking.mayCheckOut(BookingStatus.CONFIRMED)).isFalse();
        assertThat(Booking.mayBeNoShow(BookingStatus.CONFIRMED, stay, MONDAY)).isTrue();
        assertThat(Booking.mayBeNoShow(BookingStatus.CONFIRMED, stay, MONDAY.minusDays(1))).isFalse();
        assertThat(Booking.mayBeNoShow(BookingStatus.CHECKED_IN, stay, MONDAY)).isFalse();
        booking.confirmPayment(NOW);
        assertThat(booking.checkIn(stay.checkOut())).isInstanceOf(Transition.Refused.class);
        assertThat(booking.checkIn(lastNight)).isInstanceOf(Transition.Done.class);
    }

    @Test
    void an_unpaid_hold_cannot_check_in_or_be_a_no_show() {
        Booking booking = aHold();

        assertThat(booking.checkIn(MONDAY)).isInstanceOf(Transition.Refused.class);
        assertThat(booking.markNoShow(MONDAY)).isInstanceOf(Transition.Refused.class);
    }

    @Test
    void a_running_hold_is_extended_from_now_up_to_the_cap() {
        Booking booking = aHold();

        assertThat(booking.extendHold(at(NOW.plus(Duration.ofMinutes(13))), HOLD, WINDOW, 2)).isInstanceOf(Transition.Done.class);
        assertThat(booking.holdExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(28)));
        assertThat(booking.extendHold(at(NOW.plus(Duration.ofMinutes(27))), HOLD, WINDOW, 2)).isInstanceOf(Transition.Done.class);
        assertThat(booking.holdExtensions()).isEqualTo(2);

        Transition third = booking.extendHold(at(NOW.plus(Duration.ofMinutes(40))), HOLD, WINDOW, 2);

        assertThat(third).as("said in the motel's time zone: the hold runs until 12:42 UTC")
                .isEqualTo(new Transition.Refused("The hold on booking %s was already extended 2 times, as often as it may be; please pay before 8:42 AM EDT."
                        .formatted(booking.reference())));
        assertThat(booking.holdExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(42)));
    }

    @Test
    void an_extension_before_the_last_minutes_of_the_hold_is_refused_and_not_counted() {
        Booking booking = aHold();

        Transition early = booking.extendHold(at(NOW.plus(Duration.ofMinutes(1))), HOLD, WINDOW, 2);

        assertThat(early).isEqualTo(new Transition.Refused("You can extend the hold in its last 5 minutes; it runs until 8:15 AM EDT."));
        assertThat(booking.holdExtensions()).isZero();
        assertThat(booking.holdExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(booking.extendHold(at(NOW.plus(Duration.ofMinutes(10))), HOLD, WINDOW, 2)).as("five minutes left: in the window")
                .isInstanceOf(Transition.Done.class);
    }

    @Test
    void a_double_click_extends_once_and_leaves_the_second_extension_for_later() {
        Booking booking = aHold();
        Instant warning = NOW.plus(Duration.ofMinutes(13));

        assertThat(booking.extendHold(at(warning), HOLD, WINDOW, 2)).isInstanceOf(Transition.Done.class);
        assertThat(booking.extendHold(at(warning.plusMillis(300)), HOLD, WINDOW, 2)).isInstanceOf(Transition.Refused.class);

        assertThat(booking.holdExtensions()).isEqualTo(1);
        assertThat(booking.extendHold(at(NOW.plus(Duration.ofMinutes(26))), HOLD, WINDOW, 2)).as("at the next warning")
                .isInstanceOf(Transition.Done.class);
    }

    @Test
    void an_expired_or_paid_hold_is_not_extended() {
        Booking expired = aHold();
        Booking paid = aHold();
        paid.confirmPayment(NOW);

        assertThat(expired.extendHold(at(NOW.plus(Duration.ofMinutes(15))), HOLD, WINDOW, 2))
                .isEqualTo(new Transition.Refused("The hold on booking %s expired at 8:15 AM EDT; please book again.".formatted(expired.reference())));
        assertThat(paid.extendHold(at(NOW.plus(Duration.ofMinutes(14))), HOLD, WINDOW, 2)).isInstanceOf(Transition.Refused.class);
        assertThat(expired.holdExtensions()).isZero();
        assertThat(expired.holdExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
    }

    @Test
    void extending_never_shortens_a_hold() {
        Booking booking = aHold();

        booking.extendHold(at(NOW.plus(Duration.ofMinutes(12))), Duration.ofMinutes(1), WINDOW, 2);

        assertThat(booking.holdExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(15)));
        assertThat(booking.holdExtensions()).isEqualTo(1);
    }

    private static ZonedDateTime at(Instant moment) {
        return moment.atZone(ZoneId.of("America/New_York"));
    }

    @Test
    void the_quote_of_a_late_cancellation_is_what_cancelling_then_refunds_and_asking_changes_nothing() {
        Booking booking = aHold();
        booking.confirmPayment(NOW);
        Instant dayBefore = MONDAY.minusDays(1).atTime(9, 0).atZone(ZoneId.of("America/New_York")).toInstant();

        CancellationQuote quote = booking.cancellationQuote(new CancellationPolicy(48), MONDAY_CHECK_IN, dayBefore);

        assertThat(quote).isEqualTo(new CancellationQuote(usd("297.00"), usd("198.00"), usd("99.00"), false,
                MONDAY_CHECK_IN.minusHours(48).toInstant()));
        assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
        booking.cancel(new CancellationPolicy(48), MONDAY_CHECK_IN, dayBefore);
        assertThat(booking.refunded()).isEqualTo(quote.refund());
    }

    @Test
    void cancelling_an_unpaid_hold_or_inside_the_free_window_is_free() {
        Booking hold = aHold();
        Booking paid = aHold();
        paid.confirmPayment(NOW);

        assertThat(hold.cancellationQuote(new CancellationPolicy(48), MONDAY_CHECK_IN, NOW))
                .isEqualTo(new CancellationQuote(usd("0.00"), usd("0.00"), usd("0.00"), true, MONDAY_CHECK_IN.minusHours(48).toInstant()));
        assertThat(paid.cancellationQuote(new CancellationPolicy(48), MONDAY_CHECK_IN, NOW))
                .extracting(CancellationQuote::refund, CancellationQuote::kept, CancellationQuote::free)
                .containsExactly(usd("297.00"), usd("0.00"), true);
    }

    @Test
    void a_booking_is_cancellable_until_its_stay_begins() {
        Booking booking = aHold();
        booking.confirmPayment(NOW);

        assertThat(booking.cancellable(MONDAY_CHECK_IN, MONDAY_CHECK_IN.minusSeconds(1).toInstant())).isInstanceOf(Transition.Done.class);
        assertThat(booking.cancellable(MONDAY_CHECK_IN, MONDAY_CHECK_IN.toInstant())).isInstanceOf(Transition.Refused.class);
        assertThat(booking.status()).isEqualTo(BookingStatus.CONFIRMED);
    }
}
