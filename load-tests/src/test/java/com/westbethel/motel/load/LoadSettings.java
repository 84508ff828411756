package com.westbethel.motel.load;

import java.time.Duration;
import java.util.Locale;

/**
 * What a run is told by system properties ({@code -Dload.users=20 -Dload.duration=60s}), so that the same scenario runs
 * at full size for a measurement and at a few users for a smoke run. Each scenario gives its own defaults, the ones of the
 * spec's load plan.
 *
 * @param baseUrl   the API under load ({@code load.baseUrl}); several, comma-separated, for replicas
 * @param users     concurrent users at the scenario's plateau ({@code load.users})
 * @param duration  how long the plateau lasts; for the stress scenario, each step ({@code load.duration})
 * @param ramp      how long the users take to arrive ({@code load.ramp})
 * @param thinkTime the longest pause of a user between two requests, as a person reads a page; 0 for none ({@code load.thinkTime})
 * @param horizonDays how far ahead stays start: random check-ins over that many days from tomorrow ({@code load.horizonDays})
 */
record LoadSettings(String baseUrl, int users, Duration duration, Duration ramp, Duration thinkTime, int horizonDays) {

    static LoadSettings read(int defaultUsers, String defaultDuration, String defaultRamp) {
        return new LoadSettings(
                System.getProperty("load.baseUrl", "http://localhost:8080"),
                Integer.getInteger("load.users", defaultUsers),
                duration(System.getProperty("load.duration", defaultDuration)),
                duration(System.getProperty("load.ramp", defaultRamp)),
                duration(System.getProperty("load.thinkTime", "2s")),
                Integer.getInteger("load.horizonDays", 365));
    }

    /** {@code 90s}, {@code 10m}, {@code 1h}, or ISO-8601 ({@code PT2M30S}). */
    static Duration duration(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        if (value.startsWith("pt")) {
            return Duration.parse(value.toUpperCase(Locale.ROOT));
        }
        long amount = Long.parseLong(value.substring(0, value.length() - 1));
        return switch (value.charAt(value.length() - 1)) {
            case 's' -> Duration.ofSeconds(amount);
            case 'm' -> Duration.ofMinutes(amount);
            case 'h' -> Duration.ofHours(amount);
            default -> throw new IllegalArgumentException("a duration such as 90s, 10m or 1h, not " + text);
        };
    }

    @Override
    public String toString() {
        return "%s, %d users, %s (ramp %s), think time up to %s, stays over the next %d days"
                .formatted(baseUrl, users, duration, ramp, thinkTime, horizonDays);
    }
}
