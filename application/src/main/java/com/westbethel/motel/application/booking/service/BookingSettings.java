package com.westbethel.motel.application.booking.service;

import java.time.Duration;

/**
 * @param holdDuration how long an unpaid booking keeps its room, and how much longer each extension gives it
 * @param maxNights the longest stay bookable online
 * @param maxUnpaidHolds how many unpaid holds one guest may have running at once
 * @param maxHoldExtensions how many times one hold may be extended
 * @param holdExtensionWindow a hold is extended only when at most this much of it is left (the countdown warns two
 *     minutes before the end, inside it), so that an early or double click does not use up an extension
 */
public record BookingSettings(Duration holdDuration, int maxNights, int maxUnpaidHolds, int maxHoldExtensions, Duration holdExtensionWindow) {

    public static final int DEFAULT_MAX_UNPAID_HOLDS = 3;
    public static final int DEFAULT_MAX_HOLD_EXTENSIONS = 2;
    public static final Duration DEFAULT_HOLD_EXTENSION_WINDOW = Duration.ofMinutes(5);

    public BookingSettings {
        if (maxUnpaidHolds < 1) {
            throw new IllegalArgumentException("a guest may hold at least one unpaid booking");
        }
        if (maxHoldExtensions < 0) {
            throw new IllegalArgumentException("a hold is extended zero or more times");
        }
        if (holdExtensionWindow.isNegative() || holdExtensionWindow.isZero()) {
            throw new IllegalArgumentException("a hold may be extended in some last part of it");
        }
    }

    public BookingSettings(Duration holdDuration, int maxNights, int maxUnpaidHolds, int maxHoldExtensions) {
        this(holdDuration, maxNights, maxUnpaidHolds, maxHoldExtensions, DEFAULT_HOLD_EXTENSION_WINDOW);
    }

    public BookingSettings(Duration holdDuration, int maxNights, int maxUnpaidHolds) {
        this(holdDuration, maxNights, maxUnpaidHolds, DEFAULT_MAX_HOLD_EXTENSIONS);
    }

    public BookingSettings(Duration holdDuration, int maxNights) {
        this(holdDuration, maxNights, DEFAULT_MAX_UNPAID_HOLDS);
    }

    public static BookingSettings defaults() {
        return new BookingSettings(Duration.ofMinutes(15), 30);
    }
}
