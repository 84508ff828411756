package com.westbethel.motel.application.booking.service;

import java.time.Duration;

/**
 * @param holdDuration how long an unpaid booking keeps its room
 * @param maxNights the longest stay bookable online
 * @param maxUnpaidHolds how many unpaid holds one guest may have running at once
 */
public record BookingSettings(Duration holdDuration, int maxNights, int maxUnpaidHolds) {

    public static final int DEFAULT_MAX_UNPAID_HOLDS = 3;

    public BookingSettings {
        if (maxUnpaidHolds < 1) {
            throw new IllegalArgumentException("a guest may hold at least one unpaid booking");
        }
    }

    public BookingSettings(Duration holdDuration, int maxNights) {
        this(holdDuration, maxNights, DEFAULT_MAX_UNPAID_HOLDS);
    }

    public static BookingSettings defaults() {
        return new BookingSettings(Duration.ofMinutes(15), 30);
    }
}
