package com.westbethel.motel.application.notification.calendar;

import com.westbethel.motel.application.notification.event.StayDetails;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A booked stay as an iCalendar (RFC 5545) event, for the confirmation email's {@code .ics}
 * attachment and the booking's calendar download. Times are written in UTC, converted from the property's local check-in and check-out
 * times, so that no {@code VTIMEZONE} is needed and every calendar places the stay alike.
 */
public final class StayCalendar {

    private static final String CRLF = "\r\n";

    /** RFC 5545 §3.1: a content line is at most 75 octets, excluding the line break. */
    private static final int MAX_LINE_OCTETS = 75;

    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private StayCalendar() {
    }

    /** The stay of a booking as the use cases know it; see {@link #forBooking}. */
    public static String forStay(StayDetails stay, Instant stamp) {
        return forBooking(Map.of("reference", stay.reference(), "propertyName", stay.propertyName(), "roomType", stay.roomType(),
                "checkIn", stay.checkIn().toString(), "checkOut", stay.checkOut().toString(), "checkInTime", stay.checkInTime().toString(),
                "checkOutTime", stay.checkOutTime().toString(), "timeZone", stay.timeZone().getId(), "nights", String.valueOf(stay.nights()),
                "guests", String.valueOf(stay.guests())), stamp);
    }

    /**
     * @param model the booking's email variables: {@code reference}, {@code propertyName},
     *     {@code roomType}, {@code checkIn}, {@code checkOut} (ISO dates), {@code checkInTime},
     *     {@code checkOutTime} (ISO local times), {@code timeZone} (zone id), {@code nights},
     *     {@code guests} and, optionally, {@code propertyAddress}
     * @param stamp when the calendar is produced (its {@code DTSTAMP})
     * @return the calendar, lines ending in CRLF and folded at 75 octets
     * @throws IllegalArgumentException naming the first required key that is missing or blank
     */
    public static String forBooking(Map<String, String> model, Instant stamp) {
        String reference = required(model, "reference");
        String propertyName = required(model, "propertyName");
        String roomType = required(model, "roomType");
        ZoneId zone = ZoneId.of(required(model, "timeZone"));
        Instant start = instant(required(model, "checkIn"), required(model, "checkInTime"), zone);
        Instant end = instant(required(model, "checkOut"), required(model, "checkOutTime"), zone);
        String nights = required(model, "nights");
        String guests = required(model, "guests");
        String address = model.get("propertyAddress");
        String location = address == null || address.isBlank() ? propertyName : address;

        List<String> lines = new ArrayList<>();
        lines.add("BEGIN:VCALENDAR");
        lines.add("VERSION:2.0");
        lines.add("PRODID:-//West Bethel Motel//Booking//EN");
        lines.add("CALSCALE:GREGORIAN");
        lines.add("METHOD:PUBLISH");
        lines.add("BEGIN:VEVENT");
        lines.add("UID:" + text(reference + "@westbethelmotel.com"));
        lines.add("DTSTAMP:" + UTC.format(stamp));
        lines.add("DTSTART:" + UTC.format(start));
        lines.add("DTEND:" + UTC.format(end));
        lines.add("SUMMARY:" + text("Your stay at " + propertyName));
        lines.add("LOCATION:" + text(location));
        lines.add("DESCRIPTION:" + text("Booking reference: " + reference + "\nRoom type: " + roomType
                + "\nNights: " + nights + "\nGuests: " + guests));
        lines.add("STATUS:CONFIRMED");
        lines.add("TRANSP:TRANSPARENT");
        lines.add("END:VEVENT");
        lines.add("END:VCALENDAR");

        StringBuilder calendar = new StringBuilder();
        lines.forEach(line -> calendar.append(fold(line)).append(CRLF));
        return calendar.toString();
    }

    private static String required(Map<String, String> model, String key) {
        String value = model.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the booking's calendar needs '" + key + "', which the model lacks");
        }
        return value;
    }

    private static Instant instant(String date, String time, ZoneId zone) {
        return LocalDate.parse(date).atTime(LocalTime.parse(time)).atZone(zone).toInstant();
    }

    /** RFC 5545 §3.3.11: backslash, semicolon and comma are escaped, and any line break becomes {@code \n}. */
    static String text(String value) {
        return value.replace("\\", "\\\\")
                .replace(";", "\\;")
                .replace(",", "\\,")
                .replace("\r\n", "\\n")
                .replace("\r", "\\n")
                .replace("\n", "\\n");
    }

    /**
     * RFC 5545 §3.1: breaks a content line into physical lines of at most 75 octets of UTF-8, each
     * continuation starting with one space; breaks fall between code points, never inside one.
     */
    static String fold(String line) {
        StringBuilder folded = new StringBuilder(line.length() + 16);
        int octets = 0;
        for (int i = 0; i < line.length(); ) {
            int codePoint = line.codePointAt(i);
            int width = utf8Length(codePoint);
            if (octets + width > MAX_LINE_OCTETS) {
                folded.append(CRLF).append(' ');
                octets = 1;
            }
            folded.appendCodePoint(codePoint);
            octets += width;
            i += Character.charCount(codePoint);
        }
        return folded.toString();
    }

    private static int utf8Length(int codePoint) {
        if (codePoint < 0x80) {
            return 1;
        }
        if (codePoint < 0x800) {
            return 2;
        }
        return codePoint < 0x10000 ? 3 : 4;
    }
}
