package com.westbethel.motel.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ImpossibleTravelTest {

    private static final GeoPoint BETHEL_MAINE = new GeoPoint(44.404, -70.791, "Bethel, ME, US");
    private static final GeoPoint PORTLAND_MAINE = new GeoPoint(43.661, -70.255, "Portland, ME, US");
    private static final GeoPoint SYDNEY = new GeoPoint(-33.869, 151.209, "Sydney, AU");
    private static final Instant NOON = Instant.parse("2027-06-01T12:00:00Z");

    @Test
    void the_distance_between_two_places_is_the_great_circle() {
        assertThat(BETHEL_MAINE.kilometresTo(PORTLAND_MAINE)).isBetween(90.0, 100.0);
        assertThat(BETHEL_MAINE.kilometresTo(SYDNEY)).isBetween(16_000.0, 16_600.0);
    }

    @Test
    void maine_then_sydney_an_hour_later_is_impossible_but_a_day_later_is_a_long_flight() {
        assertThat(ImpossibleTravel.between(BETHEL_MAINE, NOON, SYDNEY, NOON.plus(Duration.ofHours(1)))).isTrue();
        assertThat(ImpossibleTravel.between(BETHEL_MAINE, NOON, SYDNEY, NOON.plus(Duration.ofHours(24)))).isFalse();
    }

    @Test
    void nearby_places_never_count_however_quick_the_switch() {
        assertThat(ImpossibleTravel.between(BETHEL_MAINE, NOON, PORTLAND_MAINE, NOON.plusSeconds(10))).isFalse();
    }
}
