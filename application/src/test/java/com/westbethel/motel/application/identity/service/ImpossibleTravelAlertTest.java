package com.westbethel.motel.application.identity.service;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.application.identity.port.out.SecurityEvents;
import com.westbethel.motel.application.notification.event.SecurityAlert;
import com.westbethel.motel.domain.identity.Device;
import com.westbethel.motel.domain.identity.GeoPoint;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ImpossibleTravelAlertTest {

    private static final Device IN_MAINE = Device.of("203.0.113.10", "Firefox on Linux");
    private static final Device IN_SYDNEY = Device.of("198.51.100.20", "Firefox on Linux");
    private static final Device UNKNOWN_PLACE = Device.of("192.0.2.30", "Firefox on Linux");

    private final IdentityFixture fixture = new IdentityFixture();

    @BeforeEach
    void aGuestAndAGeoIpSource() {
        fixture.verifiedGuest();
        fixture.places.put("203.0.113.10", new GeoPoint(44.404, -70.791, "Bethel, ME, US"));
        fixture.places.put("198.51.100.20", new GeoPoint(-33.869, 151.209, "Sydney, AU"));
    }

    @Test
    void a_login_from_the_other_side_of_the_world_an_hour_later_raises_an_alert_naming_both_places() {
        fixture.logIn(IN_MAINE);

        logInAfter(Duration.ofHours(1), IN_SYDNEY);

        assertThat(fixture.events.types()).contains(SecurityEvents.Type.IMPOSSIBLE_TRAVEL);
        assertThat(fixture.outbox.all(SecurityAlert.class)).singleElement()
                .satisfies(alert -> assertThat(alert.travel()).contains(new SecurityAlert.Travel("Bethel, ME, US", "Sydney, AU")));
    }

    @Test
    void the_same_trip_over_two_days_is_just_travel() {
        fixture.logIn(IN_MAINE);

        logInAfter(Duration.ofDays(2), IN_SYDNEY);

        assertThat(fixture.events.types()).doesNotContain(SecurityEvents.Type.IMPOSSIBLE_TRAVEL);
    }

    @Test
    void without_a_known_place_for_both_logins_nothing_is_judged() {
        fixture.logIn(UNKNOWN_PLACE);

        logInAfter(Duration.ofMinutes(5), IN_SYDNEY);

        assertThat(fixture.events.types()).doesNotContain(SecurityEvents.Type.IMPOSSIBLE_TRAVEL);
    }

    private void logInAfter(Duration wait, Device device) {
        fixture.clock.advance(wait);
        fixture.logIn(device);
    }
}
