package com.westbethel.motel.adapters.persistence.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.westbethel.motel.adapters.persistence.TestDatabase;
import com.westbethel.motel.application.identity.port.out.SecurityEvents.SecurityEvent;
import com.westbethel.motel.application.identity.port.out.SecurityEvents.Type;
import com.westbethel.motel.application.identity.port.out.Sessions.DeviceHistory;
import com.westbethel.motel.application.identity.port.out.Sessions.Session;
import com.westbethel.motel.domain.identity.Device;
import com.westbethel.motel.domain.identity.SessionId;
import com.westbethel.motel.domain.identity.User;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.simple.JdbcClient;

class JdbcSecurityEventsIT {

    private final JdbcClient jdbc = JdbcClient.create(TestDatabase.migrated());
    private final JdbcSecurityEvents events = new JdbcSecurityEvents(jdbc);
    private final JdbcUsers users = new JdbcUsers(jdbc);
    private final Instant now = IdentityTables.now();

    @BeforeEach
    void emptyTables() {
        IdentityTables.empty(jdbc);
    }

    @Test
    void a_users_events_come_back_newest_first_and_limited() {
        User anna = IdentityTables.added(users, "anna@example.com");
        events.record(new SecurityEvent(Optional.of(anna.id()), "anna@example.com", Type.LOGIN_FAILED, "192.0.2.1", "curl/8", now));
        events.record(new SecurityEvent(Optional.of(anna.id()), "anna@example.com", Type.LOGIN_SUCCEEDED, "192.0.2.2", "Firefox", now.plusSeconds(5)));
        events.record(new SecurityEvent(Optional.empty(), "nobody@example.com", Type.LOGIN_FAILED, "192.0.2.3", "", now));

        assertThat(events.recentOf(anna.id(), 10)).containsExactly(
                new SecurityEvent(Optional.of(anna.id()), "anna@example.com", Type.LOGIN_SUCCEEDED, "192.0.2.2", "Firefox", now.plusSeconds(5)),
                new SecurityEvent(Optional.of(anna.id()), "anna@example.com", Type.LOGIN_FAILED, "192.0.2.1", "curl/8", now));
        assertThat(events.recentOf(anna.id(), 1)).hasSize(1);
    }

    @Test
    void device_history_tells_a_first_login_a_known_device_and_a_new_one_apart() {
        User anna = IdentityTables.added(users, "anna@example.com");
        JdbcSessions sessions = new JdbcSessions(jdbc);
        Device laptop = Device.of("192.0.2.1", "Firefox on Linux");

        assertThat(sessions.deviceHistory(anna.id(), laptop.fingerprint())).isEqualTo(new DeviceHistory(false, false));

        sessions.start(new Session(SessionId.random(), anna.id(), laptop, now, now, Optional.empty()));

        assertThat(sessions.deviceHistory(anna.id(), laptop.fingerprint())).isEqualTo(new DeviceHistory(true, true));
        assertThat(sessions.deviceHistory(anna.id(), Device.of("192.0.2.9", "Safari on iPhone").fingerprint()))
                .isEqualTo(new DeviceHistory(true, false));
    }
}
