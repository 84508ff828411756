package com.westbethel.motel.domain.inventory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Currency;
import java.util.Objects;

/**
 * A motel: where it is (its time zone decides what "today" and "check-in time" mean), what it
 * charges in, and its rules. One today; nothing assumes there is only one.
 */
public record Property(PropertyId id, String name, ZoneId timeZone, Currency currency, LocalTime checkInTime, LocalTime checkOutTime,
        CancellationPolicy cancellationPolicy) {

    public Property {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(timeZone, "timeZone");
        Objects.requireNonNull(currency, "currency");
        Objects.requireNonNull(checkInTime, "checkInTime");
        Objects.requireNonNull(checkOutTime, "checkOutTime");
        Objects.requireNonNull(cancellationPolicy, "cancellationPolicy");
    }

    /** Today at the motel, whatever the server's own time zone. */
    public LocalDate today(Clock clock) {
        return LocalDate.now(clock.withZone(timeZone));
    }

    /** When a stay starting on this date may check in, at the motel. */
    public ZonedDateTime checkInAt(LocalDate date) {
        return date.atTime(checkInTime).atZone(timeZone);
    }
}
