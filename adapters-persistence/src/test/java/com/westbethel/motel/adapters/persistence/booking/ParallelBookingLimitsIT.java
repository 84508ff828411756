package com.westbethel.motel.adapters.persistence.booking;

import static com.westbethel.motel.adapters.persistence.support.TransactionalUseCases.inTransactions;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.adapters.persistence.identity.JdbcUsers;
import com.westbethel.motel.adapters.persistence.operations.MicrometerBusinessMetrics;
import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase.BookRoomCommand;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase.GuestDetails;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.service.BookRoomService;
import com.westbethel.motel.application.booking.service.BookingSettings;
import com.westbethel.motel.application.booking.service.ExpireHoldsService;
import com.westbethel.motel.domain.booking.Promotion;
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
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Currency;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;

/**
 * Finding 7 of issue 10: 50 bookings at once, each in its own transaction on its own connection, through the
 * real booking service and PostgreSQL. The limits hold exactly: they are counted in the database, atomically.
 */
class ParallelBookingLimitsIT {

    private static final int PARALLEL = 50;
    private static final LocalDate CHECK_IN = LocalDate.now(ZoneOffset.UTC).plusDays(60);

    private final DataSource dataSource = TestDatabase.migrated();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final PropertyId property = new PropertyId(UUID.randomUUID());
    private final RoomType cabin = new RoomType(RoomTypeId.random(), property, "Cabin", "", 2, Money.of("100.00", "USD"), List.of());
    private final Clock clock = Clock.systemUTC();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MicrometerBusinessMetrics metrics = new MicrometerBusinessMetrics(meters);
    private ExecutorService pool;

    @BeforeEach
    void aPropertyWithFiftyCabins() {
        JdbcInventory inventory = new JdbcInventory(jdbc);
        inventory.addProperty(new Property(property, "Parallel Motel " + property, ZoneId.of("America/New_York"), Currency.getInstance("USD"),
                LocalTime.of(15, 0), LocalTime.of(11, 0), new CancellationPolicy(48)));
        inventory.addRoomType(cabin);
        for (int number = 0; number < PARALLEL; number++) {
            inventory.addRoom(RoomId.random(), property, cabin.id(), "P" + number + "-" + property.value().toString().substring(0, 8), 1);
        }
        pool = Executors.newFixedThreadPool(PARALLEL);
    }

    @AfterEach
    void stopThePool() {
        pool.shutdownNow();
    }

    @Test
    void fifty_guests_redeeming_a_code_limited_to_ten_uses_get_exactly_ten_discounts() throws Exception {
        Promotion tenOnly = promotion(Optional.of(10), 1);
        BookRoomUseCase service = service(BookingSettings.defaults());
        List<UserId> guests = IntStream.range(0, PARALLEL).mapToObj(number -> guest()).toList();

        List<Outcome<BookingView>> outcomes = allAtOnce(number -> book(service, guests.get(number), Optional.of(tenOnly.code())));

        assertThat(successes(outcomes)).isEqualTo(10);
        assertThat(refusalReasons(outcomes)).hasSize(40).allMatch(reason -> reason.contains("used up"));
        assertThat(uses(tenOnly)).isEqualTo(10);
        assertThat(bookingsWith(tenOnly)).isEqualTo(10);
    }

    @Test
    void one_guest_sending_fifty_bookings_with_a_once_per_guest_code_gets_one_discount() throws Exception {
        Promotion oncePerGuest = promotion(Optional.empty(), 1);
        BookRoomUseCase service = service(new BookingSettings(Duration.ofMinutes(15), 30, PARALLEL));
        UserId greedy = guest();

        List<Outcome<BookingView>> outcomes = allAtOnce(number -> book(service, greedy, Optional.of(oncePerGuest.code())));

        assertThat(successes(outcomes)).isEqualTo(1);
        assertThat(refusalReasons(outcomes)).hasSize(49).allMatch(reason -> reason.contains("already used"));
        assertThat(uses(oncePerGuest)).isEqualTo(1);
        assertThat(bookingsWith(oncePerGuest)).isEqualTo(1);
    }

    @Test
    void one_guest_sending_fifty_bookings_at_once_holds_exactly_three() throws Exception {
        BookRoomUseCase service = service(BookingSettings.defaults());
        UserId hoarder = guest();

        List<Outcome<BookingView>> outcomes = allAtOnce(number -> book(service, hoarder, Optional.empty()));

        assertThat(successes(outcomes)).isEqualTo(BookingSettings.DEFAULT_MAX_UNPAID_HOLDS);
        assertThat(outcomes.stream().filter(Outcome.Refused.class::isInstance)
                .map(refused -> ((Outcome.Refused<BookingView>) refused).refusal().kind()))
                .hasSize(PARALLEL - 3).containsOnly(Refusal.Kind.TOO_MANY_UNPAID_HOLDS);
        assertThat(jdbc.sql("SELECT count(*) FROM bookings WHERE guest_id = :guest").param("guest", hoarder.value()).query(Long.class).single())
                .isEqualTo(3);
        assertThat(meters.get("motel.bookings.created").tag("channel", "api").counter().count()).as("the three that committed").isEqualTo(3);
    }

    @Test
    void fifty_bookings_without_an_account_naming_one_address_in_any_case_hold_exactly_three() throws Exception {
        BookRoomUseCase service = service(BookingSettings.defaults());
        String address = "hoarder-" + UUID.randomUUID() + "@example.com";

        List<Outcome<BookingView>> outcomes = allAtOnce(number -> service.book(new BookRoomCommand(Actor.anonymous(), cabin.id().value(), CHECK_IN,
                CHECK_IN.plusDays(2), 1, Optional.empty(), Optional.empty(), Optional.of(new GuestDetails("Hoa", "Rder",
                        number % 2 == 0 ? address : address.toUpperCase(java.util.Locale.ROOT), Optional.empty())), Channel.API)));

        assertThat(successes(outcomes)).isEqualTo(BookingSettings.DEFAULT_MAX_UNPAID_HOLDS);
        assertThat(outcomes.stream().filter(Outcome.Refused.class::isInstance)
                .map(refused -> ((Outcome.Refused<BookingView>) refused).refusal().kind()))
                .hasSize(PARALLEL - 3).containsOnly(Refusal.Kind.TOO_MANY_UNPAID_HOLDS);
        assertThat(jdbc.sql("SELECT count(*) FROM bookings WHERE guest_email = :email").param("email", address).query(Long.class).single())
                .isEqualTo(3);
    }

    @Test
    void a_hold_that_expires_unpaid_gives_its_code_back_to_the_code_and_the_guest() {
        Promotion once = promotion(Optional.of(1), 1);
        BookRoomUseCase service = service(BookingSettings.defaults());
        UserId anna = guest();
        assertThat(book(service, anna, Optional.of(once.code()))).isInstanceOf(Outcome.Success.class);
        assertThat(book(service, guest(), Optional.of(once.code()))).isInstanceOf(Outcome.Refused.class);

        Clock later = Clock.offset(clock, Duration.ofMinutes(16));
        new ExpireHoldsService(new JdbcBookings(jdbc), TestDatabase.auditLog(dataSource), later, metrics).expireHolds();

        assertThat(uses(once)).isZero();
        assertThat(book(service, anna, Optional.of(once.code()))).isInstanceOf(Outcome.Success.class);
    }

    private List<Outcome<BookingView>> allAtOnce(Function<Integer, Outcome<BookingView>> request) throws Exception {
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Outcome<BookingView>>> futures = new ArrayList<>();
        for (int number = 0; number < PARALLEL; number++) {
            int which = number;
            futures.add(pool.submit(() -> {
                start.await();
                return request.apply(which);
            }));
        }
        start.countDown();
        List<Outcome<BookingView>> outcomes = new ArrayList<>();
        for (Future<Outcome<BookingView>> future : futures) {
            outcomes.add(future.get());
        }
        return outcomes;
    }

    /** The real service in real transactions; its default property is this test's motel. */
    private BookRoomUseCase service(BookingSettings settings) {
        JdbcInventory inventory = new JdbcInventory(jdbc) {
            @Override
            public Optional<Property> defaultProperty() {
                return property(property);
            }
        };
        return inTransactions(BookRoomUseCase.class, new BookRoomService(inventory, new JdbcBookings(jdbc), inventory, new JdbcIdempotencyKeys(jdbc),
                new JdbcUsers(jdbc), TestDatabase.auditLog(dataSource), settings, clock, metrics), new DataSourceTransactionManager(dataSource));
    }

    private Outcome<BookingView> book(BookRoomUseCase service, UserId guest, Optional<String> code) {
        return service.book(new BookRoomCommand(new Actor(guest, Set.of(Role.GUEST)), cabin.id().value(), CHECK_IN, CHECK_IN.plusDays(2), 1,
                code, Optional.empty(), Channel.API));
    }

    private Promotion promotion(Optional<Integer> usageLimit, int perGuest) {
        Promotion promotion = new Promotion(UUID.randomUUID(), "P" + UUID.randomUUID().toString().substring(0, 8), Promotion.Kind.PERCENT,
                BigDecimal.TEN, CHECK_IN.minusDays(30), CHECK_IN.plusDays(30), usageLimit, perGuest, 1);
        new JdbcInventory(jdbc).addPromotion(promotion);
        return promotion;
    }

    private UserId guest() {
        User user = new User(UserId.random(), new EmailAddress("parallel-" + UUID.randomUUID() + "@example.com"), "Par", "Allel",
                "{bcrypt}x", EnumSet.of(Role.GUEST), true, true, Instant.now(), null);
        new JdbcUsers(jdbc).add(user);
        return user.id();
    }

    private static long successes(List<Outcome<BookingView>> outcomes) {
        return outcomes.stream().filter(Outcome.Success.class::isInstance).count();
    }

    private static List<String> refusalReasons(List<Outcome<BookingView>> outcomes) {
        return outcomes.stream().filter(Outcome.Refused.class::isInstance)
                .map(refused -> ((Outcome.Refused<BookingView>) refused).refusal().reason()).collect(Collectors.toList());
    }

    private int uses(Promotion promotion) {
        return jdbc.sql("SELECT uses FROM promotions WHERE id = :id").param("id", promotion.id()).query(Integer.class).single();
    }

    private long bookingsWith(Promotion promotion) {
        return jdbc.sql("SELECT count(*) FROM bookings WHERE promotion_code = :code AND status = 'PENDING_PAYMENT'")
                .param("code", promotion.code()).query(Long.class).single();
    }
}
