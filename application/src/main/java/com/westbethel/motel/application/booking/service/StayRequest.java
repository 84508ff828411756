package com.westbethel.motel.application.booking.service;

import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.stay.Stay;
import java.time.Clock;
import java.time.LocalDate;
import java.util.Optional;

/** The rules every requested stay meets before anything is priced or held. */
record StayRequest(BookingSettings settings, Clock clock) {

    /** The refusal, naming the field at fault, or empty when the dates and party are acceptable at the property. */
    Optional<Refusal> check(LocalDate checkIn, LocalDate checkOut, int guests, Property property) {
        LocalDate today = property.today(clock);
        if (checkIn.isBefore(today)) {
            return Optional.of(Refusal.invalid("checkIn", "The check-in date %s is in the past (today is %s at the motel).".formatted(checkIn, today)));
        }
        if (!checkOut.isAfter(checkIn)) {
            return Optional.of(Refusal.invalid("checkOut", "The check-out date must be after the check-in date."));
        }
        if (new Stay(checkIn, checkOut).nights() > settings.maxNights()) {
            return Optional.of(Refusal.invalid("checkOut", "Stays are at most %d nights; for longer ones, please call the motel."
                    .formatted(settings.maxNights())));
        }
        if (guests < 1) {
            return Optional.of(Refusal.invalid("guests", "A booking is for at least one guest."));
        }
        return Optional.empty();
    }
}
