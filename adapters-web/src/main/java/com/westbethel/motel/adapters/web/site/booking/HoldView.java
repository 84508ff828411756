package com.westbethel.motel.adapters.web.site.booking;

import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.inventory.Property;
import java.time.Clock;
import java.time.Duration;
import java.time.ZonedDateTime;

/**
 * An unpaid hold's time, as the page says it without JavaScript ("held until 2:05 PM EDT") and as {@code countdown.js}
 * counts it down (the seconds left when the page was made, so that the visitor's own clock does not matter).
 *
 * @param running whether the room is still held
 * @param extendable whether the guest may still extend it
 * @param extensions what the guest may still do about the time, in words
 */
record HoldView(String heldUntil, long secondsLeft, boolean running, boolean extendable, String extensions) {

    static HoldView of(BookingView booking, Property motel, Clock clock) {
        long secondsLeft = Math.max(0, Duration.between(clock.instant(), booking.holdExpiresAt()).toSeconds());
        boolean running = booking.status() == BookingStatus.PENDING_PAYMENT && secondsLeft > 0;
        int left = booking.maxHoldExtensions() - booking.holdExtensions();
        String extensions = left <= 0
                ? "You have extended this hold %s, as often as it may be.".formatted(times(booking.holdExtensions()))
                : "You may extend it %s.".formatted(left == 1 ? "once more" : times(left) + " more");
        return new HoldView(SiteFormat.clockTime(ZonedDateTime.ofInstant(booking.holdExpiresAt(), motel.timeZone())), secondsLeft, running,
                running && booking.holdExtendable(), extensions);
    }

    private static String times(int count) {
        return count == 1 ? "once" : count == 2 ? "twice" : count + " times";
    }
}
