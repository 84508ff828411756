package com.westbethel.motel.application.booking.service;

import static com.westbethel.motel.application.booking.service.BookingFixture.NOW;
import static com.westbethel.motel.application.booking.service.BookingFixture.aBooking;
import static com.westbethel.motel.application.booking.service.BookingFixture.refusal;
import static com.westbethel.motel.application.booking.service.BookingFixture.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Refusal;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** WCAG 2.2.1: a guest who needs more time to pay gets it, a limited number of times. */
class ExtendHoldServiceTest {

    private final BookingFixture motel = BookingFixture.withQueenRooms(1);
    private final Actor anna = motel.guest("Anna");

    @Test
    void extending_a_running_hold_gives_another_hold_duration_from_now_and_is_audited() {
        // given
        BookingView held = motel.held(aBooking().by(anna));
        motel.clock.advance(Duration.ofMinutes(13));

        // when
        BookingView extended = succeeded(motel.extendHold.extend(anna, held.id()));

        // then
        assertThat(extended.holdExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(28)));
        assertThat(extended.holdExtensions()).isEqualTo(1);
        assertThat(extended.holdExtendable()).isTrue();
        assertThat(motel.stored(held).holdExpiresAt()).isEqualTo(NOW.plus(Duration.ofMinutes(28)));
        assertThat(motel.auditLog.entries()).last().satisfies(entry -> {
            assertThat(entry.action()).isEqualTo("BOOKING_HOLD_EXTENDED");
            assertThat(entry.before()).containsEntry("holdExpiresAt", NOW.plus(Duration.ofMinutes(15)).toString());
            assertThat(entry.after()).containsEntry("holdExpiresAt", NOW.plus(Duration.ofMinutes(28)).toString());
        });
    }

    @Test
    void a_hold_is_extended_at_most_as_often_as_the_settings_say() {
        // given
        BookingView held = motel.held(aBooking().by(anna));
        motel.clock.advance(Duration.ofMinutes(13));
        succeeded(motel.extendHold.extend(anna, held.id()));
        motel.clock.advance(Duration.ofMinutes(13));
        BookingView twice = succeeded(motel.extendHold.extend(anna, held.id()));
        motel.clock.advance(Duration.ofMinutes(13));

        // when
        Refusal third = refusal(motel.extendHold.extend(anna, held.id()));

        // then
        assertThat(twice.holdExtendable()).isFalse();
        assertThat(third.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(third.reason()).contains("already extended 2 times");
    }

    @Test
    void an_extension_before_the_last_minutes_is_refused_in_the_motels_time_and_not_counted() {
        // given: the hold runs until 12:15 UTC, 8:15 AM in West Bethel
        BookingView held = motel.held(aBooking().by(anna));
        motel.clock.advance(Duration.ofMinutes(1));

        // when
        Refusal early = refusal(motel.extendHold.extend(anna, held.id()));

        // then
        assertThat(early.kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(early.reason()).isEqualTo("You can extend the hold in its last 5 minutes; it runs until 8:15 AM EDT.");
        assertThat(motel.stored(held).holdExtensions()).isZero();
        assertThat(motel.stored(held).holdExpiresAt()).isEqualTo(held.holdExpiresAt());
        assertThat(motel.auditLog.entries()).noneMatch(entry -> entry.action().equals("BOOKING_HOLD_EXTENDED"));
    }

    @Test
    void the_window_is_a_setting() {
        // given
        BookingFixture lenient = new BookingFixture(1, new BookingSettings(Duration.ofMinutes(15), 30, 3, 2, Duration.ofMinutes(15)));
        Actor ben = lenient.guest("Ben");
        BookingView held = lenient.held(aBooking().by(ben));

        // then
        assertThat(succeeded(lenient.extendHold.extend(ben, held.id())).holdExtensions()).isEqualTo(1);
    }

    @Test
    void an_expired_or_paid_hold_is_not_extended_and_a_stranger_finds_nothing() {
        // given
        BookingView expired = motel.held(aBooking().by(anna));
        motel.clock.advance(Duration.ofMinutes(15));
        BookingView paid = motel.paid(aBooking().by(anna).forStay(BookingFixture.JULY_1.plusDays(10), 1));

        // then
        assertThat(refusal(motel.extendHold.extend(anna, expired.id())).kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(refusal(motel.extendHold.extend(anna, paid.id())).kind()).isEqualTo(Refusal.Kind.CONFLICT);
        assertThat(refusal(motel.extendHold.extend(motel.guest("Ben"), paid.id())).kind()).isEqualTo(Refusal.Kind.NOT_FOUND);
        assertThat(refusal(motel.extendHold.extend(motel.staff("Sam"), paid.id())).kind()).as("only the guest's to extend")
                .isEqualTo(Refusal.Kind.NOT_FOUND);
    }
}
