package com.westbethel.motel.domain.identity;

import java.time.Duration;
import java.time.Instant;

/**
 * Two logins further apart than anyone can travel in the time between them: faster than an airliner
 * (1,000 km/h), and far enough apart (500 km) that GeoIP's imprecision and a VPN hop next door do not
 * count.
 */
public final class ImpossibleTravel {

    static final double FASTEST_KM_PER_HOUR = 1000;
    static final double SHORTEST_KM = 500;

    private ImpossibleTravel() {
    }

    public static boolean between(GeoPoint from, Instant leftAt, GeoPoint to, Instant arrivedAt) {
        double kilometres = from.kilometresTo(to);
        if (kilometres < SHORTEST_KM) {
            return false;
        }
        double hours = Math.max(Duration.between(leftAt, arrivedAt).abs().toSeconds(), 1) / 3600.0;
        return kilometres / hours > FASTEST_KM_PER_HOUR;
    }
}
