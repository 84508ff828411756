package com.westbethel.motel.adapters.persistence.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.adapters.persistence.booking.InventoryChanges;
import com.westbethel.motel.adapters.persistence.booking.JdbcInventory;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.GuestContact;
import com.westbethel.motel.domain.booking.Promotion;
import com.westbethel.motel.domain.booking.StayPricing;
import com.westbethel.motel.domain.inventory.CancellationPolicy;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RatePlan;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.shared.EmailAddress;
import com.westbethel.motel.domain.shared.Money;
import com.westbethel.motel.domain.stay.Stay;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Currency;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The two-level cache against the real PostgreSQL and Redis: its answers are exactly the database's, whatever was booked,
 * released or closed in between, on this replica and on another; and a load racing a commit never leaves a stale entry.
 */
class CachingInventoryIT {

    private static final LocalDate FIRST_NIGHT = LocalDate.of(2033, 5, 1);
    private static final GuestContact GUEST = GuestContact.of("Ada", "Lind", new EmailAddress("ada.lind@example.com"));

    private final DataSource database = TestDatabase.migrated();
    private final JdbcClient jdbc = JdbcClient.create(database);
    private final JdbcInventory uncached = new JdbcInventory(jdbc, InventoryChanges.NONE);
    private final PropertyId property = new PropertyId(UUID.randomUUID());
    private final RoomType cabin = roomType("Cabin", 2, "100.00");
    private final RoomType suite = roomType("Suite", 4, "180.00");
    private final RoomType loft = roomType("Loft", 3, "140.00");
    private final List<RoomId> rooms = new ArrayList<>();
    private final List<Booking> held = new ArrayList<>();
    private final List<AutoCloseable> closeAfterTest = new ArrayList<>();
    private CacheTestRedis redis;
    private Replica replica;

    @BeforeEach
    void aMotelWithThreeRoomTypesAndNineRooms() {
        redis = opened(CacheTestRedis.real());
        replica = opened(new Replica(redis, jdbc));
        uncached.addProperty(new Property(property, "Cache Motel " + property, ZoneId.of("America/New_York"), Currency.getInstance("USD"),
                LocalTime.of(15, 0), LocalTime.of(11, 0), new CancellationPolicy(48)));
        int number = 0;
        for (RoomType type : List.of(cabin, suite, loft)) {
            uncached.addRoomType(type);
            for (int i = 0; i < (type == cabin ? 4 : type == suite ? 3 : 2); i++) {
                RoomId room = RoomId.random();
                uncached.addRoom(room, property, type.id(), "R" + (++number) + "-" + property.value().toString().substring(0, 6), 1);
                rooms.add(room);
            }
        }
        uncached.addRatePlan(new RatePlan(UUID.randomUUID(), cabin.id(), "Spring", FIRST_NIGHT, FIRST_NIGHT.plusDays(20), Money.of("90.00", "USD"),
                Money.of("120.00", "USD"), 1));
        uncached.addRatePlan(new RatePlan(UUID.randomUUID(), suite.id(), "Summer", FIRST_NIGHT.plusDays(30), FIRST_NIGHT.plusDays(90),
                Money.of("200.00", "USD"), Money.of("240.00", "USD"), 2));
    }

    @AfterEach
    void closeWhatTheTestOpened() throws Exception {
        for (int last = closeAfterTest.size() - 1; last >= 0; last--) {
            closeAfterTest.get(last).close();
        }
    }

    @Test
    void cached_answers_equal_the_databases_over_random_stays_with_bookings_holds_releases_and_closures() {
        Random random = new Random(20330501);
        for (int step = 0; step < 300; step++) {
            int action = random.nextInt(100);
            if (action < 30) {
                book(List.of(cabin, suite, loft).get(random.nextInt(3)), randomStay(random));
            } else if (action < 45 && !held.isEmpty()) {
                release(held.remove(random.nextInt(held.size())));
            } else if (action < 55) {
                LocalDate starts = FIRST_NIGHT.plusDays(random.nextInt(60));
                replica.jdbcInventory.addClosure(UUID.randomUUID(), rooms.get(random.nextInt(rooms.size())), starts, starts.plusDays(1 + random.nextInt(4)),
                        "repainting");
            } else if (action < 58) {
                replica.jdbcInventory.setRoomInService(rooms.get(random.nextInt(rooms.size())), random.nextBoolean(), LocalDate.now());
            } else {
                Stay stay = randomStay(random);
                assertThat(replica.inventory.freeRooms(property, stay)).as("free rooms for %s", stay).isEqualTo(uncached.freeRooms(property, stay));
                assertThat(replica.inventory.freeRoomsPerNight(property, stay)).as("per night over %s", stay)
                        .isEqualTo(uncached.freeRoomsPerNight(property, stay));
            }
        }
        try (Replica other = new Replica(redis, jdbc)) {
            Stay month = Stay.of(FIRST_NIGHT, 30);
            assertThat(other.inventory.freeRoomsPerNight(property, month)).as("another replica, from what Redis holds")
                    .isEqualTo(uncached.freeRoomsPerNight(property, month));
            assertThat(other.availability().sharedHits()).as("nights the first replica had read").isPositive();
        }
    }

    @Test
    void a_stay_is_free_only_in_a_room_free_on_every_one_of_its_nights_not_where_each_night_has_some_room() {
        // given: the loft's first room booked for the first two nights, its second closed for the next two
        book(loft, Stay.of(FIRST_NIGHT, 2));
        replica.jdbcInventory.addClosure(UUID.randomUUID(), rooms.get(8), FIRST_NIGHT.plusDays(2), FIRST_NIGHT.plusDays(4), "repainting");
        Stay fourNights = Stay.of(FIRST_NIGHT, 4);

        // when: each night is cached first, then the stay is answered from those nights
        Map<LocalDate, Map<RoomTypeId, Integer>> perNight = replica.inventory.freeRoomsPerNight(property, fourNights);
        long hitsBefore = replica.availability().localHits();
        Map<RoomTypeId, Integer> forTheStay = replica.inventory.freeRooms(property, fourNights);

        // then
        assertThat(perNight.values()).allSatisfy(night -> assertThat(night).containsEntry(loft.id(), 1));
        assertThat(forTheStay).doesNotContainKey(loft.id()).isEqualTo(uncached.freeRooms(property, fourNights));
        assertThat(replica.availability().localHits() - hitsBefore).isEqualTo(4);
    }

    @Test
    void a_load_that_read_the_database_before_a_commit_never_keeps_its_answer_after_that_commits_invalidation() {
        // given: a replica whose read of the database is overtaken by a booking committed before the answer is stored
        Stay stay = Stay.of(FIRST_NIGHT.plusDays(10), 2);
        AtomicBoolean overtake = new AtomicBoolean(true);
        try (Replica racing = new Replica(redis, jdbc, invalidation -> new JdbcInventory(jdbc, invalidation) {
            @Override
            public Map<LocalDate, Map<RoomTypeId, Set<RoomId>>> freeRoomIdsPerNight(PropertyId of, Stay nights) {
                Map<LocalDate, Map<RoomTypeId, Set<RoomId>>> read = super.freeRoomIdsPerNight(of, nights);
                if (overtake.getAndSet(false)) {
                    book(cabin, stay);
                }
                return read;
            }
        })) {
            // when
            Map<RoomTypeId, Integer> answered = racing.inventory.freeRooms(property, stay);

            // then: the answer read before the booking is used once, kept nowhere
            assertThat(answered).containsEntry(cabin.id(), 4);
            assertThat(racing.inventory.freeRooms(property, stay)).as("its next read").containsEntry(cabin.id(), 3);
            assertThat(replica.inventory.freeRooms(property, stay)).as("another replica, through Redis").containsEntry(cabin.id(), 3);
        }
    }

    @Test
    void the_nights_a_booking_dropped_are_read_again_into_redis_so_that_the_next_search_anywhere_finds_them_there() {
        Stay stay = Stay.of(FIRST_NIGHT.plusDays(50), 2);
        book(suite, stay);

        try (Replica other = new Replica(redis, jdbc)) {
            assertThat(other.inventory.freeRooms(property, stay)).containsEntry(suite.id(), 2).isEqualTo(uncached.freeRooms(property, stay));
            assertThat(other.availability().sharedHits()).isEqualTo(2);
            assertThat(other.availability().misses()).isZero();
        }
    }

    @Test
    void another_replica_drops_its_copy_when_told_and_its_next_read_sees_the_booking() {
        try (Replica other = opened(new Replica(redis, jdbc).listening())) {
            replica.listening();
            Stay stay = Stay.of(FIRST_NIGHT.plusDays(5), 3);
            assertThat(other.inventory.freeRooms(property, stay)).containsEntry(suite.id(), 3);

            book(suite, stay);

            await().atMost(Duration.ofSeconds(5)).untilAsserted(() ->
                    assertThat(other.inventory.freeRooms(property, stay)).containsEntry(suite.id(), 2));
        }
    }

    @Test
    void with_redis_unreachable_the_answers_stay_right_and_this_processs_writes_still_evict_its_own_copy() throws Exception {
        // given
        CacheTestRedis away = opened(CacheTestRedis.unreachable());
        Replica alone = opened(new Replica(away, jdbc));
        Stay stay = Stay.of(FIRST_NIGHT.plusDays(20), 2);
        assertThat(alone.inventory.freeRooms(property, stay)).isEqualTo(uncached.freeRooms(property, stay));
        assertThat(alone.inventory.freeRooms(property, stay)).as("kept in memory").isEqualTo(uncached.freeRooms(property, stay));
        assertThat(alone.availability().localHits()).isEqualTo(2);

        // when
        Booking booking = book(alone, cabin, stay);

        // then
        assertThat(alone.inventory.freeRooms(property, stay)).containsEntry(cabin.id(), 3).isEqualTo(uncached.freeRooms(property, stay));
        release(alone, booking);
        assertThat(alone.inventory.freeRooms(property, stay)).containsEntry(cabin.id(), 4);
        assertThat(alone.inventory.roomTypes(property)).isEqualTo(uncached.roomTypes(property));
        assertThat(alone.shared.available()).isFalse();
    }

    @Test
    void a_transaction_that_changed_availability_reads_past_the_cache_and_its_rollback_leaves_the_cache_as_it_was() {
        Stay stay = Stay.of(FIRST_NIGHT.plusDays(40), 1);
        assertThat(replica.inventory.freeRooms(property, stay)).containsEntry(loft.id(), 2);
        TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(database));

        transaction.executeWithoutResult(status -> {
            book(loft, stay);
            assertThat(replica.inventory.freeRooms(property, stay)).as("its own uncommitted booking").containsEntry(loft.id(), 1);
            status.setRollbackOnly();
        });

        assertThat(replica.inventory.freeRooms(property, stay)).containsEntry(loft.id(), 2);
        transaction.executeWithoutResult(status -> book(loft, stay));
        assertThat(replica.inventory.freeRooms(property, stay)).as("after the commit").containsEntry(loft.id(), 1);
    }

    @Test
    void room_types_rates_promotions_and_the_property_come_back_from_redis_as_they_went_in_and_admin_changes_evict_them() {
        String code = "CACHE" + UUID.randomUUID().toString().substring(0, 6).toUpperCase();
        Stay spring = Stay.of(FIRST_NIGHT, 3);
        assertThat(replica.inventory.byCode(code)).isEmpty();
        List.of(replica.inventory.roomTypes(property), replica.inventory.ratePlans(property, spring), replica.inventory.property(property).stream().toList(),
                replica.inventory.roomType(suite.id()).stream().toList());

        try (Replica other = new Replica(redis, jdbc)) {
            assertThat(other.inventory.roomTypes(property)).isEqualTo(uncached.roomTypes(property));
            assertThat(other.inventory.ratePlans(property, spring)).isEqualTo(uncached.ratePlans(property, spring));
            assertThat(other.inventory.property(property)).isEqualTo(uncached.property(property));
            assertThat(other.inventory.roomType(suite.id())).isEqualTo(uncached.roomType(suite.id()));
            assertThat(other.caches.all()).allSatisfy(cache -> assertThat(cache.misses()).isZero());
        }

        Promotion promotion = new Promotion(UUID.randomUUID(), code, Promotion.Kind.PERCENT, new BigDecimal("10.00"), FIRST_NIGHT, FIRST_NIGHT.plusDays(30),
                Optional.empty(), 1, 1);
        replica.jdbcInventory.addPromotion(promotion);
        RatePlan autumn = new RatePlan(UUID.randomUUID(), cabin.id(), "Autumn", FIRST_NIGHT, FIRST_NIGHT.plusDays(5), Money.of("95.00", "USD"),
                Money.of("95.00", "USD"), 1);
        replica.jdbcInventory.addRatePlan(autumn);
        replica.jdbcInventory.updateRoomType(new RoomType(suite.id(), property, "Grand suite", "", 5, Money.of("190.00", "USD"), List.of()));

        assertThat(replica.inventory.byCode(code.toLowerCase())).contains(promotion);
        assertThat(replica.inventory.ratePlans(property, spring)).contains(autumn).hasSameElementsAs(uncached.ratePlans(property, spring));
        assertThat(replica.inventory.roomType(suite.id())).map(RoomType::name).contains("Grand suite");
        assertThat(replica.inventory.roomTypes(property)).isEqualTo(uncached.roomTypes(property));
    }

    private Stay randomStay(Random random) {
        return Stay.of(FIRST_NIGHT.plusDays(random.nextInt(60)), 1 + random.nextInt(14));
    }

    private Booking book(RoomType type, Stay stay) {
        return book(replica, type, stay);
    }

    private Booking book(Replica through, RoomType type, Stay stay) {
        Instant now = Instant.now();
        Optional<Booking> booking = through.bookings.holdFreeRoom(type.id(), stay, room -> Booking.hold(property, Optional.empty(), GUEST, type.id(), room,
                stay, 1, StayPricing.quote(type, List.of(), stay), Optional.empty(), now, now.plus(Duration.ofMinutes(15))));
        booking.ifPresent(held::add);
        return booking.orElse(null);
    }

    private void release(Booking booking) {
        release(replica, booking);
    }

    /** The hold runs out: the room is free again. */
    private void release(Replica through, Booking booking) {
        booking.expireHold(Instant.now().plus(Duration.ofMinutes(16)));
        through.bookings.update(booking);
    }

    private RoomType roomType(String name, int sleeps, String rate) {
        return new RoomType(RoomTypeId.random(), property, name, "", sleeps, Money.of(rate, "USD"), List.of());
    }

    private <T extends AutoCloseable> T opened(T closeable) {
        closeAfterTest.add(closeable);
        return closeable;
    }

    @Test
    void the_namespace_names_the_cluster_and_the_database_unless_the_operator_names_the_deployment() {
        String identifier = jdbc.sql("SELECT system_identifier::text FROM pg_control_system()").query(String.class).single();

        assertThat(CacheNamespace.of("motel:cache", jdbc)).matches("motel:cache:[0-9a-f]{8}").isEqualTo(CacheNamespace.of("motel:cache", "", jdbc));
        assertThat(identifier).as("readable by the application's role").isNotBlank();
        assertThat(CacheNamespace.of("motel:cache", "blue-deployment", jdbc)).isEqualTo("motel:cache:blue-deployment");
    }

}
