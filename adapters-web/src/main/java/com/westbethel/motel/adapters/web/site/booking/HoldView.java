package com.westbethel.motel.adapters.web.site.booking;

import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentStatus;
import com.westbethel.motel.application.booking.port.in.ViewBookingsUseCase.BookingDetails;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.inventory.Property;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;

/**
 * An unpaid hold's time, as the page says it without JavaScript ("held until 2:05 PM EDT") and as {@code countdown.js}
 * counts it down (the seconds left when the page was made, so that the visitor's own clock does not matter).
 *
 * @param running whether the room is still held
 * @param extendable whether the guest may still extend it (under the cap): the form is on the page
 * @param extendableNow whether an extension would be taken now, in the hold's last {@code windowSeconds}; until then the
 *     form is hidden, the page says from when, and {@code countdown.js} shows it when the time comes
 * @param extensions what the guest may still do about the time, in words
 * @param paymentPending whether a payment is being processed: the room stays held for it, however long the hold had left
 *     (hold expiry leaves such a booking to its payment), so the page says so instead of counting down
 */
record HoldView(String heldUntil, long secondsLeft, boolean running, boolean extendable, boolean extendableNow, long windowSeconds,
        String extensions, boolean paymentPending) {

    /** The hold of a booking with its payments: one being processed holds the room. */
    static HoldView of(BookingDetails details, Property motel, Clock clock) {
        return of(details.booking(), details.payments().stream().anyMatch(payment -> payment.status() == PaymentStatus.PENDING), motel, clock);
    }

    /** The hold of a booking with no payment being processed (one just extended). */
    static HoldView of(BookingView booking, Property motel, Clock clock) {
        return of(booking, false, motel, clock);
    }

    private static HoldView of(BookingView booking, boolean paymentPending, Property motel, Clock clock) {
        long secondsLeft = Math.max(0, Duration.between(clock.instant(), booking.holdExpiresAt()).toSeconds());
        boolean running = booking.status() == BookingStatus.PENDING_PAYMENT && (secondsLeft > 0 || paymentPending);
        boolean extendable = running && booking.holdExtendable();
        boolean inWindow = !clock.instant().isBefore(booking.holdExtendableFrom());
        int left = booking.maxHoldExtensions() - booking.holdExtensions();
        String more = left == 1 ? "once more" : times(left) + " more";
        String extensions = left <= 0
                ? "You have extended this hold %s, as often as it may be.".formatted(times(booking.holdExtensions()))
                : inWindow ? "You may extend it %s.".formatted(more)
                : "You may extend it %s, in its last %s: from %s.".formatted(more, span(booking.holdExtensionWindow()),
                        clockTime(booking.holdExtendableFrom(), motel));
        return new HoldView(clockTime(booking.holdExpiresAt(), motel), secondsLeft, running, extendable, extendable && inWindow,
                booking.holdExtensionWindow().toSeconds(), extensions, running && paymentPending);
    }

    private static String clockTime(Instant moment, Property motel) {
        return SiteFormat.clockTime(ZonedDateTime.ofInstant(moment, motel.timeZone()));
    }

    /** "5 minutes", "1 minute", "90 seconds". */
    private static String span(Duration window) {
        long minutes = window.toMinutes();
        return window.toSecondsPart() != 0 || minutes == 0 ? window.toSeconds() + " seconds" : minutes == 1 ? "minute" : minutes + " minutes";
    }

    private static String times(int count) {
        return count == 1 ? "once" : count == 2 ? "twice" : count + " times";
    }
}
