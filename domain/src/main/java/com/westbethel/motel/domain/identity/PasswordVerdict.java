package com.westbethel.motel.domain.identity;

/** The password policy's answer: acceptable, or refused with the reason and how to do better. */
public sealed interface PasswordVerdict {

    record Acceptable() implements PasswordVerdict {
    }

    record Refused(String reason, String advice) implements PasswordVerdict {
    }
}
