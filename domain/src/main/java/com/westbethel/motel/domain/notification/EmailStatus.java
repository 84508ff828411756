package com.westbethel.motel.domain.notification;

/** Where a queued email stands on its way to the guest's inbox. */
public enum EmailStatus {
    QUEUED,
    SENDING,
    SENT,
    RETRYING,
    DEAD;

    /** Still to be delivered: waiting for its first try or for its next one. */
    public boolean isAwaitingDelivery() {
        return this == QUEUED || this == RETRYING;
    }
}
