package com.westbethel.motel.adapters.persistence.identity;

import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import org.springframework.jdbc.core.simple.JdbcClient;

/** What the identity adapter tests share: an empty set of identity tables and accounts to fill them. */
final class IdentityTables {

    private IdentityTables() {
    }

    static void empty(JdbcClient jdbc) {
        jdbc.sql("TRUNCATE users, user_roles, user_sessions, refresh_tokens, one_time_tokens, revoked_tokens, login_throttle, security_events, shared_token_refreshes CASCADE").update();
    }

    /** PostgreSQL keeps microseconds; an instant with more would not survive a round trip. */
    static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    static User guest(String email) {
        return new User(UserId.random(), new EmailAddress(email), "Anna", "Lindqvist", "{bcrypt}$2a$04$notarealhashnotarealhashnotarealhashnotarealhas",
                EnumSet.of(Role.GUEST), false, true, now(), null);
    }

    static User added(JdbcUsers users, String email) {
        User user = guest(email);
        if (!users.add(user)) {
            throw new IllegalStateException("could not add " + email);
        }
        return user;
    }
}
