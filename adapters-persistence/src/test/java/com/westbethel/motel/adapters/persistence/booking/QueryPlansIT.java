package com.westbethel.motel.adapters.persistence.booking;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.adapters.persistence.booking.ExplainingDataSource.Plan;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentStatus;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.out.Promotions.PromotionGuest;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.BookingId;
import com.westbethel.motel.domain.booking.GuestContact;
import com.westbethel.motel.domain.booking.StayPricing;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.shared.EmailAddress;
import com.westbethel.motel.domain.shared.Money;
import com.westbethel.motel.domain.stay.Stay;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every query of the booking path finds its rows through an index when {@code bookings} holds a million rows (twenty
 * properties of a hundred rooms over four years, a tenth of them cancelled, a fifth without an account), checked with
 * EXPLAIN on a database of its own. The adapters run their own SQL here: {@link ExplainingDataSource} asks PostgreSQL
 * for the plan of each statement, with its parameters, just before it runs. A plan may scan the small tables (rooms,
 * room types, rate plans: a few thousand rows at most), never the large ones. Each plan's index and cost are printed
 * ({@code PLAN ...} lines), the figures docs/performance.md quotes.
 */
class QueryPlansIT {

    private static final JdbcClient ADMIN = JdbcClient.create(TestDatabase.dataSource(TestDatabase.URL));
    private static final String DATABASE = "motel_plans_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    /** The tables that grow with the business; a sequential scan of any of them is a plan that degrades with time. */
    private static final Set<String> LARGE_TABLES = Set.of("bookings", "payments", "idempotency_keys", "promotion_redemptions",
            "loyalty_movements", "users");
    /** The tables the seed fills in bulk, whose indexes and constraints it sets aside while it does. */
    private static final List<String> BULK_FILLED = List.of("bookings", "payments", "loyalty_movements", "idempotency_keys", "promotion_redemptions");
    private static final Pattern VARCHAR_IN_LIST = Pattern.compile("\\((\\w+)\\)::text = ANY \\(\\(ARRAY\\[([^\\]]*)\\]\\)::text\\[\\]\\)");
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final LocalDate NEXT_SUMMER = LocalDate.of(2027, 7, 1);

    private static ExplainingDataSource explaining;
    private static JdbcClient jdbc;
    private static PropertyId property;
    private static RoomType roomType;
    private static UserId account;
    private static EmailAddress addressWithoutAccount;
    private static BookingId booking;

    private final Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);

    @BeforeAll
    static void aMillionBookings() {
        ADMIN.sql("CREATE DATABASE " + DATABASE).update();
        String url = TestDatabase.URL.substring(0, TestDatabase.URL.lastIndexOf('/') + 1) + DATABASE;
        DataSource scratch = TestDatabase.dataSource(url);
        TestDatabase.flyway(scratch).migrate();
        explaining = new ExplainingDataSource(scratch);
        jdbc = JdbcClient.create(scratch);
        List<String> migrated = indexesAndConstraints(jdbc);
        // One session for the seed, so that its settings hold for every statement of it and for nothing after it.
        SingleConnectionDataSource session = new SingleConnectionDataSource(url, TestDatabase.USER, TestDatabase.PASSWORD, true);
        try {
            seed(JdbcClient.create(session));
        } finally {
            session.destroy();
        }
        assertThat(indexesAndConstraints(jdbc)).as("the indexes and constraints the plans meet are the migrated ones, in their order")
                .isEqualTo(migrated);
        jdbc.sql("ANALYZE").update();

        property = jdbc.sql("SELECT id FROM properties ORDER BY name LIMIT 1").query((row, n) -> new PropertyId(row.getObject(1, UUID.class))).single();
        roomType = new JdbcInventory(jdbc).roomTypes(property).get(0);
        account = new UserId(jdbc.sql("SELECT guest_id FROM bookings WHERE guest_id IS NOT NULL LIMIT 1").query(UUID.class).single());
        addressWithoutAccount = new EmailAddress(jdbc.sql("SELECT guest_email FROM bookings WHERE guest_id IS NULL LIMIT 1").query(String.class).single());
        booking = new BookingId(jdbc.sql("SELECT booking_id FROM payments LIMIT 1").query(UUID.class).single());
    }

    /**
     * The history, in one {@code INSERT ... SELECT} per table. Maintaining every index, the GiST exclusion constraint and
     * the foreign keys of the bulk-filled tables row by row took most of this test's time (144 s of 160 s for the bookings
     * alone on a busy 2-core machine): they are set aside for the inserts and then built again from their own definitions,
     * each in one pass (the exclusion constraint and the foreign keys checking every row as they are added), in the order
     * the migrations created them. The caller compares the result with the migrated schema.
     */
    private static void seed(JdbcClient session) {
        session.sql("SET maintenance_work_mem = '512MB'").update();
        session.sql("SET synchronous_commit = off").update();
        List<String> rebuild = setAside(session);
        session.sql("""
                INSERT INTO properties (id, name, time_zone, currency, check_in_time, check_out_time, free_cancellation_hours)
                SELECT gen_random_uuid(), 'Motel ' || n, 'America/New_York', 'USD', '15:00', '11:00', 48 FROM generate_series(1, 20) n
                """).update();
        session.sql("""
                INSERT INTO room_types (id, property_id, name, max_occupancy, base_rate)
                SELECT gen_random_uuid(), p.id, 'Type ' || n, 2, 100 FROM properties p, generate_series(1, 5) n
                """).update();
        session.sql("""
                INSERT INTO rooms (id, property_id, room_type_id, number, floor)
                SELECT gen_random_uuid(), t.property_id, t.id, t.name || '-' || n, 1 FROM room_types t, generate_series(1, 20) n
                """).update();
        session.sql("""
                INSERT INTO rate_plans (id, room_type_id, name, valid_from, valid_until, weekday_rate, weekend_rate)
                SELECT gen_random_uuid(), t.id, 'Season ' || y, make_date(y, 1, 1), make_date(y + 1, 1, 1), 120, 150
                FROM room_types t, generate_series(2024, 2028) y
                """).update();
        session.sql("""
                INSERT INTO users (id, email, first_name, last_name, password_hash, created_at, updated_at)
                SELECT md5('guest' || n)::uuid, 'guest' || n || '@example.com', 'G', 'N', 'x', now(), now() FROM generate_series(1, 20000) n
                """).update();
        session.sql("""
                INSERT INTO promotions (id, code, kind, value, valid_from, valid_until, per_guest_limit)
                SELECT gen_random_uuid(), 'CODE' || n, 'PERCENT', 10, DATE '2024-01-01', DATE '2029-01-01', 1000 FROM generate_series(0, 999) n
                """).update();
        // One statement, a booking a room per 3 days (two nights each) from 2024 into 2028: 2,000 rooms x 500 = 1,000,000.
        // Guest g and its hash h are derived from the room and the day, so no lookup slows the insert down.
        session.sql("""
                INSERT INTO bookings (id, reference, property_id, guest_id, guest_first_name, guest_last_name, guest_email, room_type_id, room_id,
                                      check_in, check_out, guests, currency, subtotal, total, nightly_rates, promotion_code, status,
                                      hold_expires_at, created_at, updated_at)
                SELECT gen_random_uuid(), 'X' || substr(md5(r.id::text || d::text), 1, 11), r.property_id,
                       CASE WHEN k.h % 5 = 0 THEN NULL ELSE md5('guest' || k.g)::uuid END, 'G', 'N', 'guest' || k.g || '@example.com',
                       r.room_type_id, r.id, DATE '2024-01-01' + d, DATE '2024-01-01' + d + 2, 1, 'USD', 240, 240,
                       jsonb_build_array(jsonb_build_object('night', (DATE '2024-01-01' + d)::text, 'rate', '120.00'),
                                         jsonb_build_object('night', (DATE '2024-01-01' + d + 1)::text, 'rate', '120.00')),
                       CASE WHEN k.h % 20 = 3 THEN 'CODE' || k.h % 1000 END,
                       CASE WHEN d % 10 = 0 THEN 'CANCELLED'
                            WHEN DATE '2024-01-01' + d < current_date THEN 'CHECKED_OUT'
                            WHEN k.h % 200 = 1 THEN 'PENDING_PAYMENT'
                            ELSE 'CONFIRMED' END,
                       now() + (k.h % 30 - 15) * interval '1 minute', DATE '2024-01-01' + d - 30, DATE '2024-01-01' + d - 30
                FROM rooms r, generate_series(0, 1499, 3) d,
                     LATERAL (SELECT abs(hashtext(r.id::text || d::text)) AS h, 1 + abs(hashtext(r.id::text || d::text)) % 20000 AS g) k
                """).update();
        session.sql("""
                INSERT INTO payments (id, booking_id, amount, currency, status, gateway_reference, created_at)
                SELECT gen_random_uuid(), id, total, currency, 'SUCCEEDED', 'ch_' || reference, created_at FROM bookings
                WHERE status IN ('CONFIRMED', 'CHECKED_OUT') AND abs(hashtext(reference)) % 8 = 0
                """).update();
        session.sql("""
                INSERT INTO loyalty_movements (guest_id, booking_id, kind, points, occurred_at)
                SELECT p_guest, booking_id, 'EARNED', 240, created_at FROM payments, LATERAL (SELECT guest_id AS p_guest FROM bookings WHERE id = booking_id) b
                WHERE p_guest IS NOT NULL
                """).update();
        session.sql("""
                INSERT INTO idempotency_keys (scope, key, request_hash, resource_id, created_at)
                SELECT 'booking:' || md5('guest' || n % 20000)::uuid, gen_random_uuid()::text, md5(n::text) || md5(n::text), gen_random_uuid(),
                       now() - n * interval '1 second'
                FROM generate_series(1, 200000) n
                """).update();
        session.sql("""
                INSERT INTO promotion_redemptions (promotion_id, guest_id, guest_email, uses)
                SELECT p.id, b.guest_id, CASE WHEN b.guest_id IS NULL THEN b.guest_email END, count(*)
                FROM bookings b JOIN promotions p ON p.code = b.promotion_code
                GROUP BY p.id, b.guest_id, CASE WHEN b.guest_id IS NULL THEN b.guest_email END
                """).update();
        rebuild.forEach(ddl -> session.sql(ddl).update());
    }

    /**
     * Drops the indexes and the constraints other than CHECK of {@link #BULK_FILLED} and the foreign keys that point at
     * them; answers the statements that create them again, from PostgreSQL's own definitions: the indexes in the order of
     * their creation (the order the planner meets them in), each through its constraint if it has one, then the foreign keys.
     */
    private static List<String> setAside(JdbcClient session) {
        String tables = BULK_FILLED.stream().map(table -> "'" + table + "'::regclass").collect(Collectors.joining(", "));
        List<Map<String, Object>> objects = session.sql("""
                SELECT 1 AS phase, i.indexrelid::bigint AS creation,
                       CASE WHEN c.oid IS NULL THEN pg_get_indexdef(i.indexrelid)
                            ELSE format('ALTER TABLE %s ADD CONSTRAINT %I %s', i.indrelid::regclass, c.conname, pg_get_constraintdef(c.oid)) END AS create_it,
                       CASE WHEN c.oid IS NULL THEN format('DROP INDEX %s', i.indexrelid::regclass)
                            ELSE format('ALTER TABLE %s DROP CONSTRAINT %I', i.indrelid::regclass, c.conname) END AS drop_it
                FROM pg_index i LEFT JOIN pg_constraint c ON c.conindid = i.indexrelid AND c.conrelid = i.indrelid AND c.contype IN ('p', 'u', 'x')
                WHERE i.indrelid IN ({tables})
                UNION ALL
                SELECT 2, c.oid::bigint, format('ALTER TABLE %s ADD CONSTRAINT %I %s', c.conrelid::regclass, c.conname, pg_get_constraintdef(c.oid)),
                       format('ALTER TABLE %s DROP CONSTRAINT %I', c.conrelid::regclass, c.conname)
                FROM pg_constraint c WHERE c.contype = 'f' AND (c.conrelid IN ({tables}) OR c.confrelid IN ({tables}))
                ORDER BY phase, creation
                """.replace("{tables}", tables)).query().listOfRows();
        for (int i = objects.size() - 1; i >= 0; i--) {
            session.sql((String) objects.get(i).get("drop_it")).update();
        }
        return objects.stream().map(object -> reparsable((String) object.get("create_it"))).toList();
    }

    /**
     * A definition PostgreSQL parses back into the expression it was printed from. It prints a migration's
     * {@code status IN ('PENDING_PAYMENT', 'CONFIRMED')} (a varchar column) as {@code (status)::text = ANY ((ARRAY['PENDING_PAYMENT'::character
     * varying, 'CONFIRMED'::character varying])::text[])}, which it would parse into another expression (each element cast
     * to text), printed differently: such a list is given back as the migration wrote it. The comparison with the migrated
     * schema after the seed proves every definition came back the same.
     */
    private static String reparsable(String definition) {
        return VARCHAR_IN_LIST.matcher(definition).replaceAll(list -> Matcher.quoteReplacement(list.group(1) + " IN ("
                + list.group(2).replace("::character varying", "") + ")"));
    }

    /** Every index (in the order of creation, table by table) and constraint of the schema, as PostgreSQL defines it. */
    private static List<String> indexesAndConstraints(JdbcClient client) {
        return client.sql("""
                SELECT line FROM (
                    SELECT t.relname AS tbl, 1 AS kind, i.indexrelid::bigint AS creation,
                           format('%s %s valid=%s clustered=%s replident=%s', x.relname, pg_get_indexdef(i.indexrelid), i.indisvalid,
                                  i.indisclustered, i.indisreplident) AS line
                    FROM pg_index i JOIN pg_class x ON x.oid = i.indexrelid JOIN pg_class t ON t.oid = i.indrelid
                    WHERE t.relnamespace = 'public'::regnamespace
                    UNION ALL
                    SELECT t.relname, 2, 0, format('%s %s %s validated=%s', c.conname, c.contype, pg_get_constraintdef(c.oid), c.convalidated)
                    FROM pg_constraint c JOIN pg_class t ON t.oid = c.conrelid
                    WHERE t.relnamespace = 'public'::regnamespace) schema
                ORDER BY tbl, kind, creation, line
                """).query(String.class).list();
    }

    @AfterAll
    static void dropDatabase() {
        ADMIN.sql("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)").update();
    }

    @Test
    void the_seeded_history_is_a_million_bookings() {
        assertThat(jdbc.sql("SELECT reltuples::bigint FROM pg_class WHERE relname = 'bookings'").query(Long.class).single())
                .isBetween(950_000L, 1_050_000L);
    }

    @Test
    void availability_counts_free_rooms_through_the_no_overlap_index() {
        JdbcInventory inventory = inventory();
        Stay fortnight = Stay.of(NEXT_SUMMER, 14);

        List<Plan> free = planned("free rooms for a stay", () -> inventory.freeRooms(property, fortnight));
        List<Plan> perNight = planned("free rooms night by night", () -> inventory.freeRoomsPerNight(property, Stay.of(NEXT_SUMMER, 31)));
        planned("room types of a property", () -> inventory.roomTypes(property));
        planned("rate plans for a stay", () -> inventory.ratePlans(property, fortnight));

        assertThat(free.get(0).json()).as("free rooms for a stay").contains("bookings_no_double_booking");
        assertThat(perNight.get(0).json()).as("free rooms night by night").contains("bookings_no_double_booking");
    }

    @Test
    void holding_a_room_reads_the_free_rooms_of_a_type_and_inserts_through_the_constraint() {
        JdbcBookings bookings = bookings();
        Stay stay = Stay.of(NEXT_SUMMER.plusDays(1), 2);
        GuestContact guest = new GuestContact("Plan", "Test", Optional.of(new EmailAddress("plan-test@example.com")), Optional.empty());

        List<Plan> plans = planned("holding a free room", () -> bookings.holdFreeRoom(roomType.id(), stay,
                room -> Booking.hold(property, Optional.of(account), guest, roomType.id(), room, stay, 1, StayPricing.quote(roomType, List.of(), stay),
                        Optional.empty(), now, now.plus(Duration.ofMinutes(15)))));

        assertThat(plans.get(0).json()).as("free rooms of a type").contains("bookings_no_double_booking");
    }

    @Test
    void the_unpaid_holds_of_an_account_and_of_an_address_are_counted_from_indexes() {
        JdbcBookings bookings = bookings();

        List<Plan> ofAccount = planned("unpaid holds of an account", () -> bookings.unpaidHoldsOf(account, now));
        List<Plan> naming = planned("unpaid holds naming an address", () -> bookings.unpaidHoldsNaming(addressWithoutAccount, now));

        assertThat(ofAccount.get(ofAccount.size() - 1).json()).as("unpaid holds of an account").contains("bookings_guest_status");
        assertThat(naming.get(naming.size() - 1).json()).as("unpaid holds naming an address").contains("bookings_guest_email");
    }

    @Test
    void expired_holds_are_found_through_the_pending_holds_index() {
        List<Plan> plans = planned("expired holds", () -> bookings().expiredHolds(now, 200));

        assertThat(plans.get(0).json()).as("expired holds").contains("bookings_pending_holds");
    }

    @Test
    void one_booking_and_a_guests_bookings_are_read_by_key() {
        JdbcBookings bookings = bookings();

        planned("a booking", () -> bookings.find(booking));
        planned("a booking, locked", () -> bookings.findForUpdate(booking));
        bookings.find(booking).ifPresent(found -> planned("a booking's update", () -> bookings.update(found)));
        planned("an account's bookings, newest first", () -> bookings.ofAccount(account, 0, 20));
        planned("how many bookings an account has", () -> bookings.countOfAccount(account));
        planned("the bookings an address claims", () -> bookings.claim(account, new EmailAddress("nobody-" + UUID.randomUUID() + "@example.com")));
    }

    @Test
    void the_front_desk_lists_the_newest_bookings_from_an_index() {
        List<Plan> plans = planned("every booking, newest first", () -> bookings().all(0, 20));

        assertThat(plans.get(0).json()).as("every booking, newest first").contains("bookings_created");
    }

    @Test
    void moving_a_guest_and_closing_a_room_check_the_rooms_nights_through_the_no_overlap_index() {
        JdbcBookings bookings = bookings();
        RoomId room = new RoomId(jdbc.sql("SELECT room_id FROM bookings WHERE id = :id").param("id", booking.value()).query(UUID.class).single());
        String number = inventory().roomNumber(room);
        Stay stay = Stay.of(NEXT_SUMMER, 3);

        planned("a free room to move to", () -> bookings.freeRoomForMove(booking, roomType.id(), number, stay));
        List<Plan> booked = planned("a room booked in a period", () -> inventory().bookingsHoldingRoom(room, stay.checkIn(), stay.checkOut()));

        assertThat(booked.get(0).json()).as("a room booked in a period").contains("bookings_no_double_booking");
    }

    @Test
    void payments_are_read_by_their_booking() {
        JdbcPayments payments = new JdbcPayments(JdbcClient.create(explaining));

        planned("payments of a booking", () -> payments.ofBooking(booking));
        planned("refunds of a booking", () -> payments.refundsOf(booking));
        planned("the successful payment of a booking", () -> payments.succeededFor(booking));
        planned("recording a payment", () -> payments.record(new PaymentView(UUID.randomUUID(), booking.value(), PaymentStatus.DECLINED,
                Money.of("240.00", "USD"), Optional.of("declined"), now), Optional.empty()));
    }

    @Test
    void idempotency_keys_are_claimed_and_found_by_their_primary_key() {
        JdbcIdempotencyKeys keys = new JdbcIdempotencyKeys(JdbcClient.create(explaining));
        String scope = "booking:" + account.value();
        String key = UUID.randomUUID().toString();
        keys.claim(scope, key, "f".repeat(64), now);

        List<Plan> retry = planned("a retried idempotency key", () -> keys.claim(scope, key, "f".repeat(64), now));
        planned("completing an idempotency key", () -> keys.complete(scope, key, UUID.randomUUID()));

        assertThat(retry.get(retry.size() - 1).json()).as("a retried idempotency key").contains("idempotency_keys_pkey");
    }

    @Test
    void promotion_codes_and_their_uses_are_found_by_key() {
        JdbcInventory inventory = inventory();

        var code = planned("a promotion by its code", () -> inventory.byCode("CODE7"));
        var promotion = inventory.byCode("CODE7").orElseThrow();
        planned("redeeming a code", () -> inventory.redeem(promotion, new PromotionGuest.Account(account),
                Optional.of(new PromotionGuest.Email(addressWithoutAccount))));

        assertThat(code.get(0).json()).as("a promotion by its code").contains("promotions_code_key");
    }

    @Test
    void loyalty_points_are_earned_and_reversed_by_guest() {
        JdbcLoyaltyLedger ledger = new JdbcLoyaltyLedger(JdbcClient.create(explaining));

        planned("earning points", () -> ledger.earn(account, booking, 240, now));
        planned("reversing a booking's points", () -> ledger.reverse(account, booking, now));
        planned("a guest's points history", () -> ledger.history(account, 20));
    }

    @Test
    void the_tape_chart_its_move_options_and_the_desk_search_read_through_indexes() {
        JdbcTapeChartReads reads = new JdbcTapeChartReads(JdbcClient.create(explaining));
        JdbcBookingSearch search = new JdbcBookingSearch(JdbcClient.create(explaining));

        List<Plan> chart = planned("the tape chart over a month", () -> reads.rooms(property, Stay.of(NEXT_SUMMER, 31)));
        planned("the rooms a stay can move to", () -> reads.freeRoomsForMove(booking, roomType.id(), Stay.of(NEXT_SUMMER, 3)));
        planned("bookings by reference, email or name, newest first", () -> search.find("holm", 0, 20));
        planned("how many bookings a search finds", () -> search.count("holm"));

        assertThat(chart.get(0).json()).as("the stays on the chart").contains("bookings_no_double_booking");
    }

    private static JdbcInventory inventory() {
        return new JdbcInventory(JdbcClient.create(explaining));
    }

    private static JdbcBookings bookings() {
        return new JdbcBookings(JdbcClient.create(explaining));
    }

    /** Runs the action, asserts that none of its statements scans a large table, and prints what each one used. */
    private static List<Plan> planned(String query, Runnable action) {
        List<Plan> plans = explaining.plansOf(action);
        assertThat(plans).as("statements of: " + query).isNotEmpty();
        for (Plan plan : plans) {
            JsonNode root = JSON.readTree(plan.json()).get(0).get("Plan");
            List<JsonNode> nodes = new ArrayList<>();
            collect(root, nodes);
            List<String> scanned = nodes.stream()
                    .filter(node -> node.path("Node Type").asString("").equals("Seq Scan"))
                    .map(node -> node.path("Relation Name").asString(""))
                    .filter(LARGE_TABLES::contains)
                    .toList();
            assertThat(scanned).as("%s reads every row of a large table:%n%s%n%s", query, plan.sql(), plan.json()).isEmpty();
            List<String> indexes = nodes.stream().map(node -> node.path("Index Name").asString("")).filter(name -> !name.isEmpty()).distinct().toList();
            System.out.printf("PLAN %s | %s | cost %.0f | %s%n", query, indexes.isEmpty() ? "-" : String.join(", ", indexes),
                    root.path("Total Cost").asDouble(), plan.sql().strip().lines().findFirst().orElse(""));
        }
        return plans;
    }

    private static void collect(JsonNode node, List<JsonNode> into) {
        into.add(node);
        for (JsonNode child : node.path("Plans")) {
            collect(child, into);
        }
    }
}
