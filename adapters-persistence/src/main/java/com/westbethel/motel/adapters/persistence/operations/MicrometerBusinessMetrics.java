package com.westbethel.motel.adapters.persistence.operations;

import com.westbethel.motel.application.booking.port.in.Channel;
import com.westbethel.motel.application.operations.port.out.BusinessMetrics;
import com.westbethel.motel.domain.shared.Money;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The business metrics in Micrometer, under the names the alert rules and the dashboard read ({@code motel.bookings.created},
 * {@code motel.payments}, ...; README, "Metrics and health"). A fact told inside a Spring transaction is counted after that
 * transaction commits and never if it rolls back; outside one, at once. Every counter of a known tag is registered at start
 * at zero, so that a rate over it exists before the first booking. Prometheus shows {@code motel.bookings.created} as
 * {@code motel_bookings_total}: its Java client reserves the {@code _created} suffix and drops it from names.
 *
 * <p>It lives with the persistence adapters because counting committed facts only is a matter of the transactions they run.
 */
public class MicrometerBusinessMetrics implements BusinessMetrics {

    private final MeterRegistry registry;
    private final Map<Channel, Counter> created = new EnumMap<>(Channel.class);
    private final Map<Channel, Counter> cancelled = new EnumMap<>(Channel.class);
    private final Map<PaymentOutcome, Counter> payments = new EnumMap<>(PaymentOutcome.class);
    private final Map<LoginOutcome, Counter> logins = new EnumMap<>(LoginOutcome.class);
    private final Counter registrations;
    private final Counter holdsExpired;
    private final Timer validTokens;
    private final Timer invalidTokens;

    public MicrometerBusinessMetrics(MeterRegistry registry) {
        this.registry = registry;
        for (Channel channel : Channel.values()) {
            created.put(channel, Counter.builder("motel.bookings.created").description("Bookings made (rooms held), by channel")
                    .tag("channel", tag(channel)).register(registry));
            cancelled.put(channel, Counter.builder("motel.bookings.cancelled").description("Bookings cancelled, by channel")
                    .tag("channel", tag(channel)).register(registry));
        }
        for (PaymentOutcome outcome : PaymentOutcome.values()) {
            payments.put(outcome, Counter.builder("motel.payments").description("Card charges by the processor's answer (error: none)")
                    .tag("outcome", tag(outcome)).register(registry));
        }
        for (LoginOutcome outcome : LoginOutcome.values()) {
            logins.put(outcome, Counter.builder("motel.logins").description("Login attempts (password or second-factor step), by outcome")
                    .tag("outcome", tag(outcome)).register(registry));
        }
        this.registrations = Counter.builder("motel.registrations").description("New guest accounts stored").register(registry);
        this.holdsExpired = Counter.builder("motel.holds.expired").description("Unpaid holds the worker let run out").register(registry);
        this.validTokens = tokenTimer("valid");
        this.invalidTokens = tokenTimer("invalid");
    }

    private Timer tokenTimer(String outcome) {
        return Timer.builder("motel.token.validation").description("Access-token checks (signature, lifetime, revocation)")
                .tag("outcome", outcome).register(registry);
    }

    @Override
    public void bookingCreated(Channel channel) {
        afterCommit(created.get(channel)::increment);
    }

    @Override
    public void bookingCancelled(Channel channel) {
        afterCommit(cancelled.get(channel)::increment);
    }

    @Override
    public void payment(PaymentOutcome outcome) {
        afterCommit(payments.get(outcome)::increment);
    }

    /** In major units (129.00), tagged with the ISO code: amounts in different currencies are never summed together. */
    @Override
    public void bookingConfirmed(Money total, Optional<Channel> channel) {
        DistributionSummary value = DistributionSummary.builder("motel.booking.value")
                .description("Value of each confirmed booking, in the property's currency (major units)")
                .tag("currency", total.currency().getCurrencyCode())
                .tag("channel", channel.map(MicrometerBusinessMetrics::tag).orElse("unknown"))
                .register(registry);
        double amount = total.amount().doubleValue();
        afterCommit(() -> value.record(amount));
    }

    @Override
    public void registration() {
        afterCommit(registrations::increment);
    }

    @Override
    public void login(LoginOutcome outcome) {
        afterCommit(logins.get(outcome)::increment);
    }

    @Override
    public void tokenValidation(boolean valid, Duration took) {
        (valid ? validTokens : invalidTokens).record(took);
    }

    @Override
    public void holdsExpired(int holds) {
        afterCommit(() -> holdsExpired.increment(holds));
    }

    /** At the commit of the transaction this thread runs, if any (nothing on a rollback); at once outside one. */
    private static void afterCommit(Runnable count) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            count.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                count.run();
            }
        });
    }

    /** Prometheus labels in lower case: {@code front_desk}, {@code mfa_required}. */
    private static String tag(Enum<?> value) {
        return value.name().toLowerCase(Locale.ROOT);
    }
}
