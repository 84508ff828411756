package com.westbethel.motel.application.notification.event;

import com.westbethel.motel.domain.shared.Money;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;

/** A booked stay as its emails describe it. */
public record StayDetails(String reference, String propertyName, String roomType, LocalDate checkIn, LocalDate checkOut,
        LocalTime checkInTime, LocalTime checkOutTime, ZoneId timeZone, int nights, int guests, Money total) {
}
