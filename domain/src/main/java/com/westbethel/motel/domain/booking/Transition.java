package com.westbethel.motel.domain.booking;

/** The answer to asking a booking to change state: done, or refused with a reason the guest or clerk can read. */
public sealed interface Transition {

    record Done() implements Transition {
    }

    record Refused(String reason) implements Transition {
    }
}
