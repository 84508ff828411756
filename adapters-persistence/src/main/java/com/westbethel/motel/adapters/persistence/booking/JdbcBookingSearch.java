package com.westbethel.motel.adapters.persistence.booking;

import com.westbethel.motel.adapters.persistence.booking.JdbcBookings.BookingRow;
import com.westbethel.motel.application.booking.port.out.BookingSearch;
import com.westbethel.motel.domain.booking.Booking;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The front desk's booking search on V23's prefix indexes: each alternative of the condition has an index of its own
 * ({@code reference} unique, stored upper-case; {@code lower(guest_email)}, {@code lower(guest_first_name)} and
 * {@code lower(guest_last_name)} with {@code text_pattern_ops}), so the planner ORs bitmap scans instead of reading every
 * booking. The term's LIKE wildcards are escaped: a guest named "100%" is looked up literally.
 */
public record JdbcBookingSearch(JdbcClient jdbc) implements BookingSearch {

    private static final String MATCHES = """
            (reference = :reference
             OR lower(guest_email) LIKE :prefix
             OR lower(guest_first_name) LIKE :prefix
             OR lower(guest_last_name) LIKE :prefix
             OR (lower(guest_first_name) LIKE :firstPrefix AND lower(guest_last_name) LIKE :lastPrefix))
            """;

    @Override
    public List<Booking> find(String term, int page, int size) {
        return jdbc.sql("SELECT * FROM bookings WHERE " + MATCHES + " ORDER BY created_at DESC, id LIMIT :size OFFSET :offset")
                .params(parameters(term))
                .param("size", size)
                .param("offset", (long) page * size)
                .query(BookingRow.class)
                .list().stream().map(BookingRow::booking).toList();
    }

    @Override
    public long count(String term) {
        return jdbc.sql("SELECT count(*) FROM bookings WHERE " + MATCHES).params(parameters(term)).query(Long.class).single();
    }

    /** "first last" also matches the starts of the two names; a one-word term asks the pair nothing the single names do not. */
    private static Map<String, Object> parameters(String term) {
        int space = term.indexOf(' ');
        String first = space < 0 ? term : term.substring(0, space);
        String last = space < 0 ? term : term.substring(space + 1);
        return Map.of("reference", term.toUpperCase(Locale.ROOT), "prefix", prefix(term), "firstPrefix", prefix(first), "lastPrefix", prefix(last));
    }

    private static String prefix(String text) {
        return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
    }
}
