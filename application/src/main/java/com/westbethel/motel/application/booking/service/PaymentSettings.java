package com.westbethel.motel.application.booking.service;

import java.time.Duration;
import java.util.Objects;

/**
 * How long a payment may wait on the card processor.
 *
 * @param gatewayTimeout how long a call to the processor may take before the client gives up on it (the payment then stays
 *     PENDING and the guest is told its outcome will follow)
 * @param recoveryAfter how old a PENDING payment must be before its outcome is asked of the processor and recorded, by the
 *     worker or by the guest's next try. Longer than the timeout, and by a margin: by then the request that charged it has
 *     given up on the processor, so a charge it never received will not begin any more, and "never received" is the truth
 */
public record PaymentSettings(Duration gatewayTimeout, Duration recoveryAfter) {

    public PaymentSettings {
        Objects.requireNonNull(gatewayTimeout, "gatewayTimeout");
        Objects.requireNonNull(recoveryAfter, "recoveryAfter");
        if (gatewayTimeout.isNegative() || gatewayTimeout.isZero()) {
            throw new IllegalArgumentException("the processor's timeout must be positive");
        }
        if (recoveryAfter.compareTo(gatewayTimeout.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException("a pending payment is recovered after %s, which must be at least twice the processor's timeout (%s): "
                    .formatted(recoveryAfter, gatewayTimeout) + "sooner, a charge still under way could be recorded as never received");
        }
    }

    /** 20 seconds for the processor, recovery after 2 minutes. */
    public static PaymentSettings defaults() {
        return new PaymentSettings(Duration.ofSeconds(20), Duration.ofMinutes(2));
    }
}
