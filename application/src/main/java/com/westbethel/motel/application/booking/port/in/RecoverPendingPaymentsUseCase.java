package com.westbethel.motel.application.booking.port.in;

import java.util.Map;
import java.util.UUID;

/**
 * Finishes the payments left PENDING: a process stopped between charging the card and recording the outcome, or the
 * processor did not answer in time. The processor is asked what happened and that is recorded, as the payment itself would
 * have.
 */
public interface RecoverPendingPaymentsUseCase {

    Recovery recoverPendingPayments();

    /**
     * What one run did: how many payments it recorded, and those it could not (the processor could not say, or recording
     * failed), each with why; they stay PENDING and are tried again by a later run.
     */
    record Recovery(int recorded, Map<UUID, RuntimeException> failed) {

        public Recovery {
            failed = Map.copyOf(failed);
        }
    }
}
