package com.westbethel.motel.application.identity.port.in;

import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.User;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

/** An account as its owner (or an admin) sees it: no secret in it. */
public record UserView(UUID id, String email, String firstName, String lastName, Set<Role> roles, boolean emailVerified, Instant createdAt) {

    public static UserView of(User user) {
        return new UserView(user.id().value(), user.email().value(), user.firstName(), user.lastName(), user.roles(),
                user.emailVerified(), user.createdAt());
    }
}
