package com.westbethel.motel.application.booking.port.in;

/**
 * The worker finishes the payments a process left PENDING when it stopped between charging the card and recording the
 * outcome: it asks the processor what happened and records that, as the payment itself would have.
 */
public interface RecoverPendingPaymentsUseCase {

    /** How many pending payments were completed. */
    int recoverPendingPayments();
}
