package com.westbethel.motel.adapters.persistence.payment;

import com.westbethel.motel.application.booking.port.out.PaymentGateway;
import com.westbethel.motel.domain.shared.Money;
import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The processor's client timeout ({@code motel.payment.gateway-timeout}): a call that has not answered within it is given up
 * and fails as {@link ProcessorUnavailable}, so a guest waits seconds, not minutes, and a charge's outcome is never asked
 * for (by the worker or by the guest's next try, after {@code motel.payment.recovery-after}) while the request that made it
 * may still be waiting. Each failure is logged here, where the cause is known; the payment stays PENDING. Each call is a
 * {@code payment charge} (lookup, refund) span, continued on the thread that waits for the processor.
 */
public class TimeLimitedPaymentGateway implements PaymentGateway {

    private static final Logger log = LoggerFactory.getLogger(TimeLimitedPaymentGateway.class);
    private static final AtomicInteger THREADS = new AtomicInteger();

    /** The observation of each call to the processor: a span, and a timer by operation and outcome. */
    public static final String NAME = "motel.payment.gateway";

    private final PaymentGateway processor;
    private final Duration timeout;
    private final ObservationRegistry observations;
    private final ExecutorService calls = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "payment-gateway-" + THREADS.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    });

    public TimeLimitedPaymentGateway(PaymentGateway processor, Duration timeout) {
        this(processor, timeout, ObservationRegistry.NOOP);
    }

    public TimeLimitedPaymentGateway(PaymentGateway processor, Duration timeout, ObservationRegistry observations) {
        this.processor = processor;
        this.timeout = timeout;
        this.observations = observations;
    }

    @Override
    public Charge charge(String paymentToken, Money amount, String idempotencyKey) {
        return within("charge", idempotencyKey, () -> processor.charge(paymentToken, amount, idempotencyKey));
    }

    @Override
    public Optional<Charge> lookup(String idempotencyKey) {
        return within("lookup", idempotencyKey, () -> processor.lookup(idempotencyKey));
    }

    @Override
    public Refund refund(String chargeReference, Money amount, String idempotencyKey) {
        return within("refund", idempotencyKey, () -> processor.refund(chargeReference, amount, idempotencyKey));
    }

    private <T> T within(String operation, String idempotencyKey, Callable<T> processorCall) {
        Observation observation = Observation.createNotStarted(NAME, observations)
                .contextualName("payment " + operation)
                .lowCardinalityKeyValue("payment.operation", operation)
                .start();
        try {
            return within(operation + " " + idempotencyKey, () -> {
                try (Observation.Scope scope = observation.openScope()) {
                    return processorCall.call();
                }
            });
        } catch (RuntimeException failed) {
            observation.error(failed);
            throw failed;
        } finally {
            observation.stop();
        }
    }

    private <T> T within(String call, Callable<T> processorCall) {
        Future<T> answer = calls.submit(processorCall);
        try {
            return answer.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException slow) {
            answer.cancel(true);
            log.warn("The card processor did not answer the {} within {}; its outcome will be asked for later", call, timeout);
            throw new ProcessorUnavailable("the card processor did not answer within " + timeout, slow);
        } catch (ExecutionException failed) {
            log.warn("The card processor failed the {}; its outcome will be asked for later", call, failed.getCause());
            throw failed.getCause() instanceof RuntimeException runtime ? runtime : new ProcessorUnavailable("the card processor failed", failed.getCause());
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            answer.cancel(true);
            throw new ProcessorUnavailable("interrupted while waiting for the card processor", interrupted);
        }
    }

    /** The processor could not be reached, or did not answer in time: nothing is known of what it did. */
    public static final class ProcessorUnavailable extends RuntimeException {

        ProcessorUnavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
