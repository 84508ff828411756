package com.westbethel.motel.adapters.persistence.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import java.time.LocalDate;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The availability and booking queries use their indexes on a realistic amount of data (a busy
 * property's years of bookings), checked with EXPLAIN on a database of its own.
 */
class QueryPlansIT {

    private static final JdbcClient ADMIN = JdbcClient.create(TestDatabase.dataSource(TestDatabase.URL));
    private static final String DATABASE = "motel_plans_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    private static final UUID PROPERTY = UUID.randomUUID();
    private static final String SEQ_SCAN_OF_BOOKINGS = "\"Node Type\": \"Seq Scan\",[^}]*\"Relation Name\": \"bookings\"";
    private static JdbcClient jdbc;

    @BeforeAll
    static void aBusyPropertysData() {
        ADMIN.sql("CREATE DATABASE " + DATABASE).update();
        DataSource scratch = TestDatabase.dataSource(TestDatabase.URL.substring(0, TestDatabase.URL.lastIndexOf('/') + 1) + DATABASE);
        TestDatabase.flyway(scratch).migrate();
        jdbc = JdbcClient.create(scratch);
        jdbc.sql("""
                INSERT INTO properties (id, name, time_zone, currency, check_in_time, check_out_time, free_cancellation_hours)
                VALUES (:id, 'Busy Motel', 'America/New_York', 'USD', '15:00', '11:00', 48)
                """).param("id", PROPERTY).update();
        jdbc.sql("""
                INSERT INTO room_types (id, property_id, name, max_occupancy, base_rate)
                SELECT gen_random_uuid(), :property, 'Type ' || n, 2, 100 FROM generate_series(1, 10) n
                """).param("property", PROPERTY).update();
        jdbc.sql("""
                INSERT INTO rooms (id, property_id, room_type_id, number, floor)
                SELECT gen_random_uuid(), :property, t.id, t.name || '-' || n, 1 FROM room_types t, generate_series(1, 20) n
                """).param("property", PROPERTY).update();
        jdbc.sql("""
                INSERT INTO users (id, email, first_name, last_name, password_hash, created_at, updated_at)
                SELECT gen_random_uuid(), 'guest' || n || '@example.com', 'G', 'N', 'x', now(), now() FROM generate_series(1, 2000) n
                """).update();
        // One booking a room per 3 days for four years: about 97,000 bookings, none overlapping.
        jdbc.sql("""
                WITH guests AS (SELECT array_agg(id) AS ids FROM users)
                INSERT INTO bookings (id, reference, property_id, guest_id, guest_first_name, guest_last_name, guest_email, room_type_id, room_id,
                                      check_in, check_out, guests, currency,
                                      subtotal, total, nightly_rates, status, hold_expires_at, created_at, updated_at)
                SELECT gen_random_uuid(), 'X' || substr(md5(r.id::text || d::text), 1, 11), :property,
                       guests.ids[1 + abs(hashtext(r.id::text || d::text)) % 2000], 'G', 'N',
                       'guest' || (1 + abs(hashtext(r.id::text || d::text)) % 2000) || '@example.com',
                       r.room_type_id, r.id, DATE '2025-01-01' + d, DATE '2025-01-01' + d + 2, 1, 'USD', 200, 200, '[]',
                       CASE WHEN d % 10 = 0 THEN 'CANCELLED' ELSE 'CONFIRMED' END, now(), now(), now()
                FROM rooms r, generate_series(0, 1460, 3) d, guests
                """).param("property", PROPERTY).update();
        jdbc.sql("ANALYZE").update();
    }

    @AfterAll
    static void dropDatabase() {
        ADMIN.sql("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)").update();
    }

    @Test
    void counting_free_rooms_looks_bookings_up_by_room_and_nights_through_the_no_overlap_index() {
        String plan = explain("SELECT r.room_type_id, count(*) FROM rooms r WHERE r.property_id = :property AND " + JdbcInventory.FREE_ROOM
                + " GROUP BY r.room_type_id");

        assertThat(plan).contains("bookings_no_double_booking");
        assertThat(plan).doesNotContainPattern(SEQ_SCAN_OF_BOOKINGS);
    }

    @Test
    void counting_free_rooms_night_by_night_also_goes_through_the_no_overlap_index() {
        String plan = explain(JdbcInventory.FREE_ROOMS_PER_NIGHT);

        assertThat(plan).contains("bookings_no_double_booking");
        assertThat(plan).doesNotContainPattern(SEQ_SCAN_OF_BOOKINGS);
    }

    @Test
    void a_guests_bookings_come_from_the_guest_index() {
        UUID guest = jdbc.sql("SELECT id FROM users LIMIT 1").query(UUID.class).single();

        String plan = explain("SELECT * FROM bookings WHERE guest_id = '" + guest + "' ORDER BY created_at DESC LIMIT 20");

        assertThat(plan).contains("bookings_guest_status");
    }

    /** Which index wins depends on the data (here: no pending holds, no booking without an account); a full scan never does. */
    @Test
    void the_unpaid_holds_of_an_account_or_an_address_are_counted_without_reading_every_booking() {
        UUID guest = jdbc.sql("SELECT id FROM users LIMIT 1").query(UUID.class).single();

        String plan = explain("SELECT count(*) FROM bookings WHERE (guest_id = '" + guest + "' OR lower(guest_email) = 'guest7@example.com')"
                + " AND status = 'PENDING_PAYMENT' AND hold_expires_at > now()");

        assertThat(plan).doesNotContainPattern(SEQ_SCAN_OF_BOOKINGS);
    }

    @Test
    void the_bookings_an_address_claims_are_found_without_reading_every_booking() {
        String plan = explain("SELECT id FROM bookings WHERE guest_id IS NULL AND lower(guest_email) = 'guest7@example.com'");
        String everyStatus = explain("SELECT id FROM bookings WHERE lower(guest_email) = 'guest7@example.com'");

        assertThat(plan).doesNotContainPattern(SEQ_SCAN_OF_BOOKINGS);
        assertThat(everyStatus).contains("bookings_guest_email");
    }

    @Test
    void expired_holds_are_found_through_the_pending_holds_index() {
        String plan = explain("SELECT id FROM bookings WHERE status = 'PENDING_PAYMENT' AND hold_expires_at <= now() ORDER BY hold_expires_at LIMIT 200");

        assertThat(plan).contains("bookings_pending_holds");
    }

    private String explain(String sql) {
        LocalDate checkIn = LocalDate.of(2027, 7, 1);
        return jdbc.sql("EXPLAIN (FORMAT JSON) " + sql)
                .param("property", PROPERTY)
                .param("checkIn", checkIn)
                .param("checkOut", checkIn.plusDays(14))
                .query(String.class)
                .single();
    }
}
