package com.westbethel.motel.domain.inventory;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether a room has been made up since its last guest left: DIRTY from check-out until housekeeping has cleaned it,
 * CLEAN after, INSPECTED once a supervisor has checked it. A fact for the front desk and housekeeping, not for
 * availability: a dirty room can still be sold for tonight, it only cannot be handed over yet.
 */
public enum HousekeepingStatus {
    CLEAN,
    DIRTY,
    INSPECTED;

    /** Ready for the next guest: cleaned, whether or not it has been inspected. */
    public boolean ready() {
        return this != DIRTY;
    }

    /** The status named ({@code "clean"} or {@code "CLEAN"}), if it is one. */
    public static Optional<HousekeepingStatus> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String wanted = name.strip().toUpperCase(Locale.ROOT);
        return Arrays.stream(values()).filter(status -> status.name().equals(wanted)).findFirst();
    }
}
