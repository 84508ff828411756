package com.westbethel.motel.application.notification.port.in;

import com.westbethel.motel.application.notification.port.out.EmailQueueMaintenance.DeadEmail;
import java.time.Duration;
import java.util.List;
import java.util.UUID;

/**
 * The mail queue as motel-admin and the staff console's admins see it: what died, sending it again (audited as done by
 * {@code actor}), what was sent lately, and clearing old history.
 */
public interface AdministerEmailQueueUseCase {

    List<DeadEmail> dead(int limit);

    RetryResult retry(UUID id, String actor);

    /** Every dead email that can still be sent; those whose one-time link was scrubbed stay dead. */
    int retryAllDead(String actor);

    /** How many emails were sent within the window, up to now. */
    long sentWithin(Duration window);

    /** @return how many sent emails were deleted */
    int purgeSent(Duration olderThan);

    enum RetryResult {
        QUEUED,
        NOT_FOUND,
        NOT_DEAD,
        /** A verification, reset or password-changed email, whose link was scrubbed when it died. */
        LINK_SCRUBBED
    }
}
