package com.westbethel.motel.adapters.persistence.booking;

import static com.westbethel.motel.adapters.persistence.support.TransactionalUseCases.inTransactions;
import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.adapters.persistence.audit.JdbcAuditLog;
import com.westbethel.motel.adapters.persistence.identity.JdbcUsers;
import com.westbethel.motel.adapters.persistence.operations.MicrometerBusinessMetrics;
import com.westbethel.motel.adapters.persistence.payment.SandboxPaymentGateway;
import com.westbethel.motel.adapters.persistence.support.DatabaseTransactions;
import com.westbethel.motel.application.booking.port.in.Actor;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase;
import com.westbethel.motel.application.booking.port.in.BookRoomUseCase.BookRoomCommand;
import com.westbethel.motel.application.booking.port.in.BookingView;
import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.booking.port.in.Outcome;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PayForBookingCommand;
import com.westbethel.motel.application.booking.port.in.PayForBookingUseCase.PaymentView;
import com.westbethel.motel.application.booking.port.in.Refusal;
import com.westbethel.motel.application.booking.port.out.ManageLinkTokens;
import com.westbethel.motel.application.booking.port.out.PaymentGateway;
import com.westbethel.motel.application.booking.service.BookRoomService;
import com.westbethel.motel.application.booking.service.BookingSettings;
import com.westbethel.motel.application.booking.service.ExpireHoldsService;
import com.westbethel.motel.application.booking.service.ManageLinks;
import com.westbethel.motel.application.booking.service.PayForBookingService;
import com.westbethel.motel.application.booking.service.PaymentSettings;
import com.westbethel.motel.application.booking.service.RecoverPendingPaymentsService;
import com.westbethel.motel.application.notification.event.NotificationEvent;
import com.westbethel.motel.domain.booking.BookingId;
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
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 12: a payment whose API process stopped between charging the card and recording the outcome is left PENDING in
 * PostgreSQL; hold expiry leaves its booking alone, and the worker's recovery finishes it as the payment would have.
 */
class PendingPaymentRecoveryIT {

    private static final LocalDate CHECK_IN = LocalDate.now(ZoneOffset.UTC).plusDays(90);
    private int nextCheckIn;

    private final DataSource dataSource = TestDatabase.migrated();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final DataSourceTransactionManager transactionManager = new DataSourceTransactionManager(dataSource);
    private final JdbcAuditLog auditLog = TestDatabase.auditLog(dataSource);
    private final PropertyId property = new PropertyId(UUID.randomUUID());
    private final RoomType cabin = new RoomType(RoomTypeId.random(), property, "Cabin", "", 2, Money.of("100.00", "USD"), List.of());
    private final Clock clock = Clock.systemUTC();
    private final Processor processor = new Processor();
    private final List<NotificationEvent> events = new ArrayList<>();
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MicrometerBusinessMetrics metrics = new MicrometerBusinessMetrics(meters);
    private JdbcInventory inventory;

    @BeforeEach
    void aMotelWithOneCabin() {
        inventory = new JdbcInventory(jdbc) {
            @Override
            public Optional<Property> defaultProperty() {
                return property(property);
            }
        };
        inventory.addProperty(new Property(property, "Recovery Motel " + property, ZoneId.of("America/New_York"), Currency.getInstance("USD"),
                LocalTime.of(15, 0), LocalTime.of(11, 0), new CancellationPolicy(48)));
        inventory.addRoomType(cabin);
        inventory.addRoom(RoomId.random(), property, cabin.id(), "R-" + property.value().toString().substring(0, 8), 1);
    }

    @Test
    void a_payment_left_pending_by_a_stopped_process_keeps_its_hold_past_expiry_and_is_completed_by_the_recovery_job() {
        UserId anna = guest();
        BookingView held = book(anna);
        processor.stopAfterCharging = true;
        Outcome<PaymentView> unknown = pay(clock).pay(new PayForBookingCommand(guest(anna), held.id(), "tok_visa", Optional.empty(), Channel.API));
        assertThat(((Outcome.Refused<PaymentView>) unknown).refusal().kind()).isEqualTo(Refusal.Kind.PAYMENT_PENDING);
        assertThat(paymentStatus(held)).isEqualTo("PENDING");
        assertThat(payments("error")).as("no answer from the processor").isEqualTo(1);
        assertThat(payments("succeeded")).isZero();

        Clock later = Clock.offset(clock, Duration.ofMinutes(20));
        new ExpireHoldsService(new JdbcBookings(jdbc), auditLog, later, metrics).expireHolds();
        assertThat(bookingStatus(held)).as("a hold with a payment in flight is not expired").isEqualTo("PENDING_PAYMENT");

        // Every stalled payment in the database is recovered (other tests leave theirs): this one among them.
        assertThat(recovery(later).recoverPendingPayments().recorded()).isPositive();

        assertThat(paymentStatus(held)).isEqualTo("SUCCEEDED");
        assertThat(bookingStatus(held)).isEqualTo("CONFIRMED");
        assertThat(payments("succeeded")).isPositive();
        assertThat(meters.get("motel.booking.value").tag("channel", "unknown").summary().totalAmount())
                .as("confirmed by the worker: its request had given up").isGreaterThanOrEqualTo(200.0);
        assertThat(jdbc.sql("SELECT gateway_reference FROM payments WHERE booking_id = :id").param("id", held.id()).query(String.class).single())
                .isEqualTo(processor.charges.values().iterator().next());
        assertThat(processor.charges).hasSize(1);
        assertThat(jdbc.sql("SELECT action FROM audit_log WHERE entity_id IN (:booking, (SELECT id::text FROM payments WHERE booking_id = :id)) ORDER BY id")
                .param("booking", held.id().toString()).param("id", held.id()).query(String.class).list())
                .containsExactly("BOOKING_HELD", "PAYMENT_SUCCEEDED", "BOOKING_CONFIRMED");
        recovery(Clock.offset(later, Duration.ofMinutes(5))).recoverPendingPayments();
        assertThat(paymentStatus(held)).as("recorded once").isEqualTo("SUCCEEDED");
    }

    // Review, finding 2: the sandbox answered "approved" for a charge it never made. Its lookup now reads its own ledger.
    @Test
    void with_the_sandbox_a_charge_that_never_reached_it_is_not_found_so_recovery_records_nothing_taken_and_keeps_the_hold() {
        UserId anna = guest();
        BookingView held = book(anna);
        SandboxPaymentGateway sandbox = new SandboxPaymentGateway(dataSource);
        PaymentGateway stoppedBeforeCharging = new PaymentGateway() {
            @Override
            public Charge charge(String paymentToken, Money amount, String idempotencyKey) {
                throw new IllegalStateException("the API process stopped before calling the processor");
            }

            @Override
            public Optional<Charge> lookup(String idempotencyKey) {
                return sandbox.lookup(idempotencyKey);
            }

            @Override
            public Refund refund(String chargeReference, Money amount, String idempotencyKey) {
                return sandbox.refund(chargeReference, amount, idempotencyKey);
            }
        };
        pay(clock, stoppedBeforeCharging).pay(new PayForBookingCommand(guest(anna), held.id(), "tok_visa", Optional.empty(), Channel.API));
        String key = jdbc.sql("SELECT gateway_key FROM payments WHERE booking_id = :id").param("id", held.id()).query(String.class).single();

        assertThat(new SandboxPaymentGateway(dataSource).lookup(key)).as("another process asks the sandbox's ledger").isEmpty();
        Clock later = Clock.offset(clock, Duration.ofMinutes(3));
        assertThat(recovery(later, sandbox).recoverPendingPayments().recorded()).isPositive();

        assertThat(paymentStatus(held)).isEqualTo("DECLINED");
        assertThat(bookingStatus(held)).as("the hold is kept for another try").isEqualTo("PENDING_PAYMENT");
        assertThat(jdbc.sql("SELECT count(*) FROM sandbox_charges WHERE idempotency_key = :key").param("key", key).query(Long.class).single()).isZero();
        Outcome<PaymentView> again = pay(later, sandbox).pay(new PayForBookingCommand(guest(anna), held.id(), "tok_visa", Optional.empty(), Channel.API));
        assertThat(again).isInstanceOf(Outcome.Success.class);
        assertThat(bookingStatus(held)).isEqualTo("CONFIRMED");
    }

    // Review, finding 5: several workers split the stalled payments; none is taken twice while its claim runs.
    @Test
    void concurrent_recoveries_claim_different_stalled_payments() {
        UserId anna = guest();
        UserId ben = guest();
        BookingView first = book(anna);
        BookingView second = book(ben);
        JdbcPayments payments = new JdbcPayments(jdbc);
        processor.stopAfterCharging = true;
        pay(clock).pay(new PayForBookingCommand(guest(anna), first.id(), "tok_visa", Optional.empty(), Channel.API));
        pay(clock).pay(new PayForBookingCommand(guest(ben), second.id(), "tok_visa", Optional.empty(), Channel.API));
        Instant now = clock.instant().plus(Duration.ofMinutes(3));
        Instant before = now.minus(Duration.ofMinutes(2));

        List<UUID> claimed = new ArrayList<>();
        new TransactionTemplate(transactionManager).executeWithoutResult(outer -> {
            claimed.add(payments.claimStalled(new BookingId(first.id()), before, now, Duration.ofMinutes(2)).orElseThrow().paymentId());
            // Another worker, while the first's claim is not committed: the first's row is locked, so it takes another.
            new TransactionTemplate(transactionManager, requiresNew()).executeWithoutResult(inner ->
                    claimed.add(payments.claimStalled(before, now, Duration.ofMinutes(2)).orElseThrow().paymentId()));
        });

        assertThat(claimed.get(0)).isEqualTo(paymentId(first));
        assertThat(claimed.get(1)).isNotEqualTo(paymentId(first));
        assertThat(payments.claimStalled(new BookingId(first.id()), before, now, Duration.ofMinutes(2))).as("claimed until its lease lapses").isEmpty();
        assertThat(payments.claimStalled(new BookingId(first.id()), before, now.plus(Duration.ofMinutes(2)), Duration.ofMinutes(2))).isPresent();
    }

    private static org.springframework.transaction.TransactionDefinition requiresNew() {
        return new org.springframework.transaction.support.DefaultTransactionDefinition(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
    }

    private UUID paymentId(BookingView booking) {
        return jdbc.sql("SELECT id FROM payments WHERE booking_id = :id").param("id", booking.id()).query(UUID.class).single();
    }

    @Test
    void a_paid_booking_is_confirmed_with_the_charge_made_outside_any_transaction() {
        UserId anna = guest();
        BookingView held = book(anna);

        Outcome<?> outcome = pay(clock).pay(new PayForBookingCommand(guest(anna), held.id(), "tok_visa", Optional.empty(), Channel.API));

        assertThat(outcome).isInstanceOf(Outcome.Success.class);
        assertThat(processor.chargedInTransaction).isFalse();
        assertThat(bookingStatus(held)).isEqualTo("CONFIRMED");
        assertThat(meters.get("motel.bookings.created").tag("channel", "api").counter().count()).isEqualTo(1);
        assertThat(payments("succeeded")).isEqualTo(1);
        assertThat(payments("declined") + payments("error")).isZero();
        var value = meters.get("motel.booking.value").tag("channel", "api").tag("currency", "USD").summary();
        assertThat(value.count()).isEqualTo(1);
        assertThat(value.totalAmount()).as("two nights at $100.00, in dollars").isEqualTo(200.0);
    }

    private double payments(String outcome) {
        return meters.get("motel.payments").tag("outcome", outcome).counter().count();
    }

    private PayForBookingUseCase pay(Clock at) {
        return pay(at, processor);
    }

    private PayForBookingUseCase pay(Clock at, PaymentGateway gateway) {
        return inTransactions(PayForBookingUseCase.class, new PayForBookingService(new JdbcBookings(jdbc), inventory, new JdbcPayments(jdbc), gateway,
                new JdbcLoyaltyLedger(jdbc), new JdbcIdempotencyKeys(jdbc), new JdbcUsers(jdbc), events::add, auditLog, links(), at,
                new DatabaseTransactions(transactionManager), PaymentSettings.defaults(), metrics), transactionManager);
    }

    private RecoverPendingPaymentsService recovery(Clock at) {
        return recovery(at, processor);
    }

    private RecoverPendingPaymentsService recovery(Clock at, PaymentGateway gateway) {
        return new RecoverPendingPaymentsService(new JdbcBookings(jdbc), inventory, new JdbcPayments(jdbc), gateway, new JdbcLoyaltyLedger(jdbc),
                new JdbcUsers(jdbc), events::add, auditLog, links(), new DatabaseTransactions(transactionManager), PaymentSettings.defaults(), at,
                metrics);
    }

    private BookingView book(UserId guest) {
        BookRoomUseCase service = inTransactions(BookRoomUseCase.class, new BookRoomService(inventory, new JdbcBookings(jdbc), inventory,
                new JdbcIdempotencyKeys(jdbc), new JdbcUsers(jdbc), auditLog, BookingSettings.defaults(), clock, metrics), transactionManager);
        LocalDate checkIn = CHECK_IN.plusDays(3L * nextCheckIn++);
        Outcome<BookingView> booked = service.book(new BookRoomCommand(guest(guest), cabin.id().value(), checkIn, checkIn.plusDays(2), 1,
                Optional.empty(), Optional.empty(), Channel.API));
        return ((Outcome.Success<BookingView>) booked).value();
    }

    private static Actor guest(UserId id) {
        return new Actor(id, Set.of(Role.GUEST));
    }

    private UserId guest() {
        User user = new User(UserId.random(), new EmailAddress("recovery-" + UUID.randomUUID() + "@example.com"), "Anna", "Berg", "{bcrypt}x",
                EnumSet.of(Role.GUEST), true, true, Instant.now(), null);
        new JdbcUsers(jdbc).add(user);
        return user.id();
    }

    private String paymentStatus(BookingView booking) {
        return jdbc.sql("SELECT status FROM payments WHERE booking_id = :id").param("id", booking.id()).query(String.class).single();
    }

    private String bookingStatus(BookingView booking) {
        return jdbc.sql("SELECT status FROM bookings WHERE id = :id").param("id", booking.id()).query(String.class).single();
    }

    private static ManageLinks links() {
        return new ManageLinks(new ManageLinkTokens() {
            @Override
            public String sign(Claim claim) {
                return "token-" + claim.booking();
            }

            @Override
            public Optional<Claim> verify(String token) {
                return Optional.empty();
            }
        }, "http://localhost:8080");
    }

    /** A processor that approves, once per key, remembers its charges for lookups, and can stop its caller right after charging. */
    private final class Processor implements PaymentGateway {

        private final Map<String, String> charges = new ConcurrentHashMap<>();
        private boolean stopAfterCharging;
        private boolean chargedInTransaction;

        @Override
        public Charge charge(String paymentToken, Money amount, String idempotencyKey) {
            chargedInTransaction |= TransactionSynchronizationManager.isActualTransactionActive();
            String reference = charges.computeIfAbsent(idempotencyKey, key -> "ch_" + UUID.randomUUID());
            if (stopAfterCharging) {
                throw new IllegalStateException("the API process stopped after the charge");
            }
            return new Charge.Approved(reference);
        }

        @Override
        public Optional<Charge> lookup(String idempotencyKey) {
            return Optional.ofNullable(charges.get(idempotencyKey)).map(Charge.Approved::new);
        }

        @Override
        public Refund refund(String chargeReference, Money amount, String idempotencyKey) {
            return new Refund("re_" + idempotencyKey, amount);
        }
    }
}
