package com.westbethel.motel.domain.booking;

import java.security.SecureRandom;

/** The short code a guest reads out at the desk: {@code WB-} and six characters with no look-alikes. */
public final class BookingReference {

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final SecureRandom RANDOM = new SecureRandom();

    private BookingReference() {
    }

    public static String generate() {
        StringBuilder reference = new StringBuilder("WB-");
        for (int i = 0; i < 6; i++) {
            reference.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return reference.toString();
    }
}
