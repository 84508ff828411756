package com.westbethel.motel.domain.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

// Finding 5: sessions end after an absolute lifetime and after an idle spell, sooner for staff and admins.
class SessionPolicyTest {

    private static final Instant LOGIN = Instant.parse("2027-06-01T08:00:00Z");
    private final SessionPolicy policy = SessionPolicy.defaults();

    @Test
    void a_guest_session_lasts_thirty_days_when_used_but_not_a_moment_more() {
        Instant lastUse = LOGIN.plus(Duration.ofDays(29));

        assertThat(policy.ending(Set.of(Role.GUEST), LOGIN, lastUse, LOGIN.plus(Duration.ofDays(30)).minusSeconds(1))).isEmpty();
        assertThat(policy.ending(Set.of(Role.GUEST), LOGIN, lastUse, LOGIN.plus(Duration.ofDays(30))))
                .contains(SessionPolicy.Ending.LIFETIME_REACHED);
    }

    @Test
    void a_guest_session_unused_for_a_week_ends() {
        assertThat(policy.ending(Set.of(Role.GUEST), LOGIN, LOGIN, LOGIN.plus(Duration.ofDays(7)))).contains(SessionPolicy.Ending.IDLE_TIMEOUT);
        assertThat(policy.ending(Set.of(Role.GUEST), LOGIN, LOGIN, LOGIN.plus(Duration.ofDays(6)))).isEmpty();
    }

    @Test
    void staff_and_admins_get_twelve_hours_and_thirty_idle_minutes_whatever_other_roles_they_hold() {
        for (Set<Role> roles : Set.of(EnumSet.of(Role.STAFF, Role.GUEST), EnumSet.of(Role.ADMIN))) {
            assertThat(policy.ending(roles, LOGIN, LOGIN.plus(Duration.ofHours(11)), LOGIN.plus(Duration.ofHours(11).plusMinutes(29)))).isEmpty();
            assertThat(policy.ending(roles, LOGIN, LOGIN.plus(Duration.ofHours(11)), LOGIN.plus(Duration.ofHours(11).plusMinutes(30))))
                    .contains(SessionPolicy.Ending.IDLE_TIMEOUT);
            assertThat(policy.ending(roles, LOGIN, LOGIN.plus(Duration.ofHours(11).plusMinutes(50)), LOGIN.plus(Duration.ofHours(12))))
                    .contains(SessionPolicy.Ending.LIFETIME_REACHED);
        }
        assertThat(policy.endOfLife(Set.of(Role.ADMIN), LOGIN)).isEqualTo(LOGIN.plus(Duration.ofHours(12)));
    }
}
