package com.westbethel.motel.adapters.persistence.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.domain.booking.BookingStatus;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * "The statuses that hold a room" is written once in Java ({@link BookingStatus#holdsRoom()}, from which the
 * queries' {@link JdbcInventory#HOLDING} is built) and, as released migrations are never edited, again in V6
 * and V13. These tests hold the enum and the migrated schema to the same list, read back from PostgreSQL's
 * catalogue rather than from the migration files, so they judge what the database enforces.
 */
class BookingStatusesInTheSchemaIT {

    private static final Set<String> EVERY_STATUS = Arrays.stream(BookingStatus.values()).map(Enum::name).collect(Collectors.toSet());
    private static final Set<String> HOLDING_A_ROOM = Arrays.stream(BookingStatus.values()).filter(BookingStatus::holdsRoom).map(Enum::name)
            .collect(Collectors.toSet());
    private static final Pattern QUOTED = Pattern.compile("'([A-Z_]+)'");

    private final JdbcClient jdbc = JdbcClient.create(TestDatabase.migrated());

    @Test
    void the_status_column_accepts_exactly_the_enums_statuses() {
        String check = jdbc.sql("""
                SELECT pg_get_constraintdef(oid) FROM pg_constraint
                WHERE conrelid = 'bookings'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%status%'
                """).query(String.class).single();

        assertThat(statuses(check)).isEqualTo(EVERY_STATUS);
    }

    @Test
    void the_no_double_booking_constraint_covers_exactly_the_statuses_that_hold_a_room_as_the_queries_do() {
        String exclusion = jdbc.sql("SELECT pg_get_constraintdef(oid) FROM pg_constraint WHERE conname = 'bookings_no_double_booking'")
                .query(String.class).single();

        assertThat(statuses(exclusion)).isEqualTo(HOLDING_A_ROOM).isEqualTo(statuses(JdbcInventory.HOLDING));
    }

    @Test
    void the_index_of_booked_nights_covers_exactly_the_statuses_that_hold_a_room() {
        String predicate = jdbc.sql("SELECT pg_get_expr(indpred, indrelid) FROM pg_index WHERE indexrelid = 'bookings_room_type_nights'::regclass")
                .query(String.class).single();

        assertThat(statuses(predicate)).isEqualTo(HOLDING_A_ROOM);
    }

    @Test
    void a_promotion_use_is_given_back_exactly_when_a_booking_stops_holding_its_room() {
        String trigger = jdbc.sql("SELECT pg_get_triggerdef(oid) FROM pg_trigger WHERE tgname = 'bookings_promotion_use_given_back'")
                .query(String.class).single();
        String oldStatus = trigger.substring(trigger.indexOf("old.status"), trigger.indexOf("new.status"));
        String newStatus = trigger.substring(trigger.indexOf("new.status"));

        assertThat(statuses(oldStatus)).as("was holding its room: %s", trigger).isEqualTo(HOLDING_A_ROOM);
        assertThat(newStatus).as("no longer holds it").contains("<> ALL");
        assertThat(statuses(newStatus)).isEqualTo(HOLDING_A_ROOM);
    }

    private static Set<String> statuses(String sql) {
        Matcher quoted = QUOTED.matcher(sql);
        return quoted.results().map(match -> match.group(1)).collect(Collectors.toSet());
    }
}
