package com.westbethel.motel.adapters.persistence.booking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.adapters.persistence.identity.JdbcUsers;
import com.westbethel.motel.adapters.persistence.operations.MicrometerBusinessMetrics;
import com.westbethel.motel.application.booking.service.ExpireHoldsService;
import com.westbethel.motel.domain.booking.Booking;
import com.westbethel.motel.domain.booking.GuestContact;
import com.westbethel.motel.domain.booking.StayPricing;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.inventory.CancellationPolicy;
import com.westbethel.motel.domain.inventory.Property;
import com.westbethel.motel.domain.inventory.PropertyId;
import com.westbethel.motel.domain.inventory.RoomId;
import com.westbethel.motel.domain.inventory.RoomType;
import com.westbethel.motel.domain.inventory.RoomTypeId;
import com.westbethel.motel.domain.shared.EmailAddress;
import com.westbethel.motel.domain.shared.Money;
import com.westbethel.motel.domain.stay.Stay;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Free rooms as the database counts them: overlaps, same-day turnover, closures, rooms out of service. */
class JdbcInventoryAvailabilityIT {

    private static final LocalDate JUNE_7 = LocalDate.of(2031, 6, 7);
    private static final GuestContact GUEST = GuestContact.of("Ada", "Lind", new EmailAddress("ada.lind@example.com"));

    private final DataSource dataSource = TestDatabase.migrated();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final JdbcInventory inventory = new JdbcInventory(jdbc);
    private final JdbcBookings bookings = new JdbcBookings(jdbc);
    private final PropertyId property = new PropertyId(UUID.randomUUID());
    private final RoomType cabin = new RoomType(RoomTypeId.random(), property, "Cabin", "", 2, Money.of("100.00", "USD"), List.of());
    private final RoomId first = RoomId.random();
    private final RoomId second = RoomId.random();
    private UserId guest;

    @BeforeEach
    void aPropertyWithTwoCabins() {
        inventory.addProperty(new Property(property, "Test Motel " + property, ZoneId.of("America/New_York"), Currency.getInstance("USD"),
                LocalTime.of(15, 0), LocalTime.of(11, 0), new CancellationPolicy(48)));
        inventory.addRoomType(cabin);
        inventory.addRoom(first, property, cabin.id(), "C1-" + property.value().toString().substring(0, 6), 1);
        inventory.addRoom(second, property, cabin.id(), "C2-" + property.value().toString().substring(0, 6), 1);
        User user = new User(UserId.random(), new EmailAddress("guest-" + UUID.randomUUID() + "@example.com"), "Ada", "Lind",
                "{bcrypt}x", EnumSet.of(Role.GUEST), true, true, Instant.now(), null);
        new JdbcUsers(jdbc).add(user);
        guest = user.id();
    }

    @Test
    void a_booked_night_takes_one_room_and_the_check_out_day_is_free_again() {
        book(Stay.of(JUNE_7, 3));

        assertThat(free(Stay.of(JUNE_7.plusDays(1), 1))).isEqualTo(1);
        assertThat(free(Stay.of(JUNE_7.plusDays(3), 2))).as("same-day turnover").isEqualTo(2);
        assertThat(free(Stay.of(JUNE_7.minusDays(2), 2))).as("checking out the day the other checks in").isEqualTo(2);
    }

    @Test
    void a_closed_or_out_of_service_room_is_not_offered() {
        jdbc.sql("INSERT INTO room_closures (id, room_id, starts, ends, reason) VALUES (:id, :room, :from, :to, 'repainting')")
                .param("id", UUID.randomUUID()).param("room", first.value()).param("from", JUNE_7).param("to", JUNE_7.plusDays(2)).update();

        assertThat(free(Stay.of(JUNE_7.plusDays(1), 3))).isEqualTo(1);
        assertThat(free(Stay.of(JUNE_7.plusDays(2), 1))).isEqualTo(2);

        jdbc.sql("UPDATE rooms SET in_service = false WHERE id = :room").param("room", second.value()).update();
        assertThat(free(Stay.of(JUNE_7.plusDays(2), 1))).isEqualTo(1);
    }

    @Test
    void free_rooms_are_counted_night_by_night_in_one_answer_for_a_whole_range() {
        // given: one cabin booked for 7 and 8 June, the other closed on 8 June and out of the count from then on
        book(Stay.of(JUNE_7, 2));
        jdbc.sql("INSERT INTO room_closures (id, room_id, starts, ends, reason) VALUES (:id, :room, :from, :to, 'repainting')")
                .param("id", UUID.randomUUID()).param("room", second.value()).param("from", JUNE_7.plusDays(1)).param("to", JUNE_7.plusDays(2))
                .update();

        // when
        Map<LocalDate, Map<RoomTypeId, Integer>> free = inventory.freeRoomsPerNight(property, Stay.of(JUNE_7.minusDays(1), 4));

        // then
        assertThat(free).containsOnlyKeys(JUNE_7.minusDays(1), JUNE_7, JUNE_7.plusDays(2));
        assertThat(free.get(JUNE_7.minusDays(1))).containsExactly(Map.entry(cabin.id(), 2));
        assertThat(free.get(JUNE_7)).containsExactly(Map.entry(cabin.id(), 1));
        assertThat(free.get(JUNE_7.plusDays(2))).as("her check-out day, and the closure is over").containsExactly(Map.entry(cabin.id(), 2));
        for (LocalDate night : List.of(JUNE_7.minusDays(1), JUNE_7, JUNE_7.plusDays(1), JUNE_7.plusDays(2))) {
            assertThat(free.getOrDefault(night, Map.of()).getOrDefault(cabin.id(), 0)).as("the same count as a one-night search on %s", night)
                    .isEqualTo(free(Stay.of(night, 1)));
        }
    }

    @Test
    void when_both_rooms_are_taken_no_room_is_held() {
        assertThat(book(Stay.of(JUNE_7, 2))).isPresent();
        assertThat(book(Stay.of(JUNE_7.plusDays(1), 2))).isPresent();

        assertThat(book(Stay.of(JUNE_7.plusDays(1), 1))).isEmpty();
        assertThat(free(Stay.of(JUNE_7.plusDays(1), 1))).isZero();
    }

    @Test
    void the_database_itself_refuses_two_bookings_of_one_room_for_one_night() {
        Booking held = book(Stay.of(JUNE_7, 2)).orElseThrow();

        // Bypassing the adapter's free-room search: only the exclusion constraint stands in the way.
        assertThat(catchThrowable(() -> jdbc.sql("""
                        INSERT INTO bookings (id, reference, property_id, guest_id, guest_first_name, guest_last_name, room_type_id, room_id,
                                              check_in, check_out, guests, currency,
                                              subtotal, discount, total, nightly_rates, status, hold_expires_at, created_at, updated_at)
                        SELECT gen_random_uuid(), 'WB-DUP' || substr(md5(random()::text), 1, 4), property_id, guest_id, guest_first_name,
                               guest_last_name, room_type_id, room_id,
                               check_in + 1, check_out + 1, 1, currency, subtotal, 0, subtotal, nightly_rates, 'CONFIRMED', now(), now(), now()
                        FROM bookings WHERE id = :id
                        """).param("id", held.id().value()).update()))
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("bookings_no_double_booking");
    }

    @Test
    void an_unpaid_hold_past_its_time_frees_its_room() {
        book(Stay.of(JUNE_7, 2));
        book(Stay.of(JUNE_7, 2));
        assertThat(free(Stay.of(JUNE_7, 1))).isZero();
        Clock later = Clock.fixed(Instant.now().plus(Duration.ofMinutes(16)), ZoneOffset.UTC);

        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        int expired = new ExpireHoldsService(bookings, TestDatabase.auditLog(dataSource), later, new MicrometerBusinessMetrics(meters)).expireHolds();

        assertThat(expired).isGreaterThanOrEqualTo(2);
        assertThat(meters.get("motel.holds.expired").counter().count()).isEqualTo(expired);
        assertThat(free(Stay.of(JUNE_7, 1))).isEqualTo(2);
    }

    private Optional<Booking> book(Stay stay) {
        Instant now = Instant.now();
        return bookings.holdFreeRoom(cabin.id(), stay, room -> Booking.hold(property, Optional.of(guest), GUEST, cabin.id(), room, stay, 1,
                StayPricing.quote(cabin, List.of(), stay), Optional.empty(), now, now.plus(Duration.ofMinutes(15))));
    }

    private int free(Stay stay) {
        return inventory.freeRooms(property, stay).getOrDefault(cabin.id(), 0);
    }
}
