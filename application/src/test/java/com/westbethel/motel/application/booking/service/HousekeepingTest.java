package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.JULY_1;
import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.domain.booking.BookingStatus;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The worker's booking jobs: unpaid holds run out, old Idempotency-Keys are forgotten. */
class HousekeepingTest {

    private final BookingFixture motel = BookingFixture.withQueenRooms(1);
    private final Actor anna = motel.guest("Anna");

    @Test
    void a_hold_past_its_fifteen_minutes_is_cancelled_and_its_room_goes_to_the_next_guest() {
        // given
        BookingView unpaid = motel.held(aBooking().by(anna).forStay(JULY_1, 2));
        motel.clock.advance(Duration.ofMinutes(15));

        // when
        int expired = motel.expireHolds.expireHolds();

        // then
        assertThat(expired).isEqualTo(1);
        assertThat(motel.stored(unpaid).status()).isEqualTo(BookingStatus.CANCELLED);
        assertThat(motel.metrics.recorded()).containsExactly("booking created API", "holds expired 1");
        assertThat(motel.auditLog.entries()).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("BOOKING_HOLD_EXPIRED");
            assertThat(entry.actor()).isEqualTo("system:hold-expiry");
        });
        assertThat(motel.book(aBooking().by(motel.guest("Ben")).forStay(JULY_1, 2))).isInstanceOf(Outcome.Success.class);
    }

    @Test
    void holds_still_running_and_paid_bookings_are_left_alone() {
        // given
        BookingFixture twoRooms = BookingFixture.withQueenRooms(2);
        BookingView paid = twoRooms.paid(aBooking().by(twoRooms.guest("Anna")));
        twoRooms.clock.advance(Duration.ofMinutes(10));
        BookingView running = twoRooms.held(aBooking().by(twoRooms.guest("Ben")));
        twoRooms.clock.advance(Duration.ofMinutes(10));

        // when
        int expired = twoRooms.expireHolds.expireHolds();

        // then
        assertThat(expired).isZero();
        assertThat(twoRooms.stored(paid).status()).isEqualTo(BookingStatus.CONFIRMED);
        assertThat(twoRooms.stored(running).status()).isEqualTo(BookingStatus.PENDING_PAYMENT);
    }

    @Test
    void idempotency_keys_are_kept_for_48_hours_then_forgotten() {
        // given
        motel.held(aBooking().by(anna).withKey("key-1"));
        motel.clock.advance(Duration.ofHours(47));

        // when
        long purgedEarly = motel.purgeIdempotencyKeys.purgeIdempotencyKeys();
        motel.clock.advance(Duration.ofHours(2));
        long purgedLater = motel.purgeIdempotencyKeys.purgeIdempotencyKeys();

        // then
        assertThat(purgedEarly).isZero();
        assertThat(purgedLater).isEqualTo(1);
        assertThat(motel.idempotencyKeys.size()).isZero();
    }
}
