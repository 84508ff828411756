package com.westbethel.motel.application.notification.calendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class StayCalendarTest {

    private static final Instant STAMP = Instant.parse("2026-02-14T09:30:15.123Z");

    @Test
    void a_booking_becomes_one_confirmed_event_in_a_published_calendar() {
        String ics = StayCalendar.forBooking(booking(), STAMP);

        assertThat(lines(ics)).containsExactly(
                "BEGIN:VCALENDAR",
                "VERSION:2.0",
                "PRODID:-//West Bethel Motel//Booking//EN",
                "CALSCALE:GREGORIAN",
                "METHOD:PUBLISH",
                "BEGIN:VEVENT",
                "UID:WB-7K2M9Q@westbethelmotel.com",
                "DTSTAMP:20260214T093015Z",
                "DTSTART:20261201T200000Z",
                "DTEND:20261203T160000Z",
                "SUMMARY:Your stay at West Bethel Motel",
                "LOCATION:West Bethel Motel",
                "DESCRIPTION:Booking reference: WB-7K2M9Q\\nRoom type: Queen Room\\nNights: 2\\nGuests: 2",
                "STATUS:CONFIRMED",
                "TRANSP:TRANSPARENT",
                "END:VEVENT",
                "END:VCALENDAR");
    }

    @Test
    void every_line_ends_in_crlf_and_no_bare_line_feed_or_carriage_return_is_left() {
        Map<String, String> model = booking();
        model.put("propertyAddress", "1 Main St\nWest Bethel\r\nME");

        String ics = StayCalendar.forBooking(model, STAMP);

        assertThat(ics).endsWith("END:VCALENDAR\r\n");
        assertThat(ics.replace("\r\n", "")).doesNotContain("\n").doesNotContain("\r");
    }

    @Test
    void local_check_in_and_check_out_times_become_utc_across_the_spring_forward_weekend() {
        Map<String, String> model = booking();
        model.put("checkIn", "2026-03-07");
        model.put("checkOut", "2026-03-09");

        List<String> lines = lines(StayCalendar.forBooking(model, STAMP));

        assertThat(lines).contains("DTSTART:20260307T200000Z", "DTEND:20260309T150000Z");
    }

    @Test
    void the_address_is_the_location_when_given() {
        Map<String, String> model = booking();
        model.put("propertyAddress", "1 Main St, West Bethel; ME");

        assertThat(lines(StayCalendar.forBooking(model, STAMP))).contains("LOCATION:1 Main St\\, West Bethel\\; ME");
    }

    @Test
    void text_values_escape_backslash_semicolon_comma_and_newline() {
        assertThat(StayCalendar.text("a\\b;c,d\ne\r\nf")).isEqualTo("a\\\\b\\;c\\,d\\ne\\nf");

        Map<String, String> model = booking();
        model.put("propertyName", "Motel; Bar, Grill \\ Spa");
        assertThat(lines(StayCalendar.forBooking(model, STAMP))).contains("SUMMARY:Your stay at Motel\\; Bar\\, Grill \\\\ Spa");
    }

    @Test
    void a_long_non_ascii_name_is_folded_at_75_octets_without_splitting_a_character() {
        String name = "Gästehaus Château Ünterwald — 東京の宿 🏔️ Ferienwohnung am Bergsee ".repeat(4).strip();
        Map<String, String> model = booking();
        model.put("propertyName", name);

        String ics = StayCalendar.forBooking(model, STAMP);
        List<String> physical = Arrays.asList(ics.split("\r\n"));

        assertThat(physical).allSatisfy(line -> {
            byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
            assertThat(bytes.length).as(line).isLessThanOrEqualTo(75);
            assertThat(new String(bytes, StandardCharsets.UTF_8)).as("whole characters only").isEqualTo(line);
        });
        assertThat(physical.stream().filter(line -> line.startsWith(" "))).as("continuation lines").hasSizeGreaterThan(3);
        assertThat(lines(ics)).contains("SUMMARY:Your stay at " + name, "LOCATION:" + name);
    }

    @Test
    void a_line_of_exactly_75_octets_is_not_folded_and_one_more_octet_is() {
        String seventyFive = "X".repeat(75);

        assertThat(StayCalendar.fold(seventyFive)).isEqualTo(seventyFive);
        assertThat(StayCalendar.fold(seventyFive + "é")).isEqualTo(seventyFive + "\r\n é");
        assertThat(StayCalendar.fold("X".repeat(74) + "é")).isEqualTo("X".repeat(74) + "\r\n é");
    }

    @Test
    void a_missing_required_key_is_named() {
        for (String key : List.of("reference", "propertyName", "roomType", "checkIn", "checkOut", "checkInTime", "checkOutTime", "timeZone", "nights", "guests")) {
            Map<String, String> model = booking();
            model.remove(key);

            assertThatThrownBy(() -> StayCalendar.forBooking(model, STAMP)).as(key)
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("'" + key + "'");
        }
    }

    private static Map<String, String> booking() {
        Map<String, String> model = new HashMap<>();
        model.put("reference", "WB-7K2M9Q");
        model.put("propertyName", "West Bethel Motel");
        model.put("roomType", "Queen Room");
        model.put("checkIn", "2026-12-01");
        model.put("checkOut", "2026-12-03");
        model.put("checkInTime", "15:00");
        model.put("checkOutTime", "11:00");
        model.put("timeZone", "America/New_York");
        model.put("nights", "2");
        model.put("guests", "2");
        return model;
    }

    /** The content lines, unfolded as RFC 5545 §3.1 says: a CRLF followed by one space is removed. */
    private static List<String> lines(String ics) {
        return Arrays.asList(ics.replace("\r\n ", "").split("\r\n"));
    }
}
