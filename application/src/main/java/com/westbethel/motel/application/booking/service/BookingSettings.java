package com.westbethel.motel.application.booking.service;

import java.time.Duration;

/**
 * @param holdDuration how long an unpaid booking keeps its room
 * @param maxNights the longest stay bookable online
 */
public record BookingSettings(Duration holdDuration, int maxNights) {

    public static BookingSettings defaults() {
        return new BookingSettings(Duration.ofMinutes(15), 30);
    }
}
