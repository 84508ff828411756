package com.westbethel.motel.adapters.web.site.staff;

import com.westbethel.motel.application.booking.port.in.BrowseRoomTypesUseCase;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentMethod;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentStatus;
import com.westbethel.motel.domain.booking.BookingStatus;
import com.westbethel.motel.domain.inventory.HousekeepingStatus;
import com.westbethel.motel.domain.inventory.Property;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The console's words for the statuses and moments it shows; templates call it as {@code ${@staffLabels.of(status)}} (in {@code th:text}:
 * Thymeleaf refuses bean references in other attributes).
 */
public final class StaffLabels {

    private static final DateTimeFormatter AT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss zzz", Locale.ENGLISH);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("d MMM yyyy HH:mm zzz", Locale.ENGLISH);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss zzz", Locale.ENGLISH);

    /** The motel's time zone, the one its clerks and guests speak in (UTC only before the motel is set up). */
    static ZoneId motelZone(BrowseRoomTypesUseCase motel) {
        return motel.motel().map(Property::timeZone).orElse(ZoneOffset.UTC);
    }

    /**
     * A moment of the record (a payment, an email, an audit entry), to the second, in the motel's time zone (the one a clerk
     * quotes to a guest), its abbreviation after it: {@code 2027-06-01 08:00:00 EDT}.
     */
    public String at(Instant instant, ZoneId zone) {
        return AT.format(instant.atZone(zone));
    }

    public String of(HousekeepingStatus status) {
        return switch (status) {
            case CLEAN -> "Clean";
            case DIRTY -> "Dirty";
            case INSPECTED -> "Inspected";
        };
    }

    public String of(BookingStatus status) {
        return switch (status) {
            case PENDING_PAYMENT -> "Awaiting payment";
            case CONFIRMED -> "Confirmed";
            case CHECKED_IN -> "Checked in";
            case CHECKED_OUT -> "Checked out";
            case CANCELLED -> "Cancelled";
            case NO_SHOW -> "No-show";
        };
    }

    public String of(PaymentMethod method) {
        return switch (method) {
            case CARD -> "Card, online";
            case CASH -> "Cash at the desk";
            case CARD_PRESENT -> "Card on the desk's terminal";
        };
    }

    public String of(PaymentStatus status) {
        return switch (status) {
            case PENDING -> "Being processed";
            case SUCCEEDED -> "Paid";
            case DECLINED -> "Declined";
            case REFUNDED -> "Refunded in full";
        };
    }

    /** A moment as the admin screens list it, to the minute in the motel's time zone: {@code 1 Jul 2027 10:00 EDT}. */
    public String minute(Instant instant, ZoneId zone) {
        return MINUTE.format(instant.atZone(zone));
    }

    /** The time of day of a moment, to the second, in the motel's time zone: {@code 10:00:05 EDT}. */
    public String clock(Instant instant, ZoneId zone) {
        return CLOCK.format(instant.atZone(zone));
    }
}
