package com.westbethel.motel.adapters.persistence.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.operations.port.out.BusinessMetrics.LoginOutcome;
import com.westbethel.motel.application.operations.port.out.BusinessMetrics.PaymentOutcome;
import com.westbethel.motel.domain.shared.Money;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Facts counted at the commit of the real PostgreSQL transaction that made them, and never when it rolls back. */
class MicrometerBusinessMetricsIT {

    private final DataSource dataSource = TestDatabase.migrated();
    private final JdbcClient jdbc = JdbcClient.create(dataSource);
    private final TransactionTemplate transaction = new TransactionTemplate(new DataSourceTransactionManager(dataSource));
    private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
    private final MicrometerBusinessMetrics metrics = new MicrometerBusinessMetrics(meters);

    @Test
    void a_fact_told_inside_a_transaction_counts_when_it_commits_not_before() {
        transaction.executeWithoutResult(status -> {
            write();
            metrics.bookingCreated(Channel.WEB);
            metrics.payment(PaymentOutcome.SUCCEEDED);
            metrics.bookingConfirmed(Money.of("129.00", "USD"), Optional.of(Channel.WEB));
            assertThat(created("web")).as("not yet committed").isZero();
            assertThat(meters.get("motel.payments").tag("outcome", "succeeded").counter().count()).isZero();
        });

        assertThat(created("web")).isEqualTo(1);
        assertThat(meters.get("motel.payments").tag("outcome", "succeeded").counter().count()).isEqualTo(1);
        var value = meters.get("motel.booking.value").tag("currency", "USD").tag("channel", "web").summary();
        assertThat(value.count()).isEqualTo(1);
        assertThat(value.totalAmount()).as("in dollars, not cents").isEqualTo(129.0);
    }

    @Test
    void a_fact_whose_transaction_rolls_back_counts_nothing() {
        assertThatThrownBy(() -> transaction.executeWithoutResult(status -> {
            write();
            metrics.bookingCreated(Channel.API);
            metrics.registration();
            metrics.login(LoginOutcome.SUCCESS);
            metrics.holdsExpired(3);
            throw new IllegalStateException("the booking failed after its room was held");
        })).isInstanceOf(IllegalStateException.class);
        transaction.executeWithoutResult(status -> {
            metrics.bookingCancelled(Channel.FRONT_DESK);
            status.setRollbackOnly();
        });

        assertThat(created("api")).isZero();
        assertThat(meters.get("motel.bookings.cancelled").tag("channel", "front_desk").counter().count()).isZero();
        assertThat(meters.get("motel.registrations").counter().count()).isZero();
        assertThat(meters.get("motel.logins").tag("outcome", "success").counter().count()).isZero();
        assertThat(meters.get("motel.holds.expired").counter().count()).isZero();
    }

    @Test
    void outside_a_transaction_a_fact_counts_at_once_and_token_checks_are_timed_by_outcome() {
        metrics.payment(PaymentOutcome.ERROR);
        metrics.login(LoginOutcome.MFA_REQUIRED);
        metrics.bookingConfirmed(Money.of("80.50", "USD"), Optional.empty());
        metrics.tokenValidation(true, Duration.ofMillis(2));
        metrics.tokenValidation(false, Duration.ofMillis(1));

        assertThat(meters.get("motel.payments").tag("outcome", "error").counter().count()).isEqualTo(1);
        assertThat(meters.get("motel.logins").tag("outcome", "mfa_required").counter().count()).isEqualTo(1);
        assertThat(meters.get("motel.booking.value").tag("channel", "unknown").summary().totalAmount()).isEqualTo(80.5);
        assertThat(meters.get("motel.token.validation").tag("outcome", "valid").timer().count()).isEqualTo(1);
        assertThat(meters.get("motel.token.validation").tag("outcome", "invalid").timer().count()).isEqualTo(1);
    }

    @Test
    void every_counter_exists_at_zero_from_the_start_under_lower_case_tags() {
        for (String channel : new String[] {"web", "api", "front_desk"}) {
            assertThat(created(channel)).isZero();
            assertThat(meters.get("motel.bookings.cancelled").tag("channel", channel).counter().count()).isZero();
        }
        for (String outcome : new String[] {"succeeded", "declined", "error"}) {
            assertThat(meters.get("motel.payments").tag("outcome", outcome).counter().count()).isZero();
        }
        for (String outcome : new String[] {"success", "failure", "locked", "mfa_required"}) {
            assertThat(meters.get("motel.logins").tag("outcome", outcome).counter().count()).isZero();
        }
        assertThat(meters.get("motel.registrations").counter().count()).isZero();
        assertThat(meters.get("motel.holds.expired").counter().count()).isZero();
    }

    private double created(String channel) {
        return meters.get("motel.bookings.created").tag("channel", channel).counter().count();
    }

    /** Something real in the transaction: a row that lives or dies with it. */
    private void write() {
        jdbc.sql("INSERT INTO idempotency_keys (scope, key, request_hash, created_at) VALUES (:scope, 'k', repeat('0', 64), now())")
                .param("scope", "metrics-test:" + UUID.randomUUID()).update();
    }
}
