package com.westbethel.motel.domain.shared;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An email address as the motel keys accounts by it: trimmed and lower-cased, so that
 * {@code Anna@Example.com} and {@code anna@example.com} are one account.
 */
public record EmailAddress(String value) {

    public static final int MAX_LENGTH = 254;
    // Deliberately modest: one @, no spaces, a dot in the domain. The verification email proves the rest.
    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+$");

    public EmailAddress {
        Objects.requireNonNull(value, "value");
        value = value.strip().toLowerCase(Locale.ROOT);
        if (value.length() > MAX_LENGTH || !SHAPE.matcher(value).matches()) {
            throw new IllegalArgumentException("not a valid email address");
        }
    }

    public static boolean isValid(String candidate) {
        return candidate != null && candidate.strip().length() <= MAX_LENGTH && SHAPE.matcher(candidate.strip()).matches();
    }

    public String localPart() {
        return value.substring(0, value.indexOf('@'));
    }

    @Override
    public String toString() {
        return value;
    }
}
