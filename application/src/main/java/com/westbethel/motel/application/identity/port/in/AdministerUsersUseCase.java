package com.westbethel.motel.application.identity.port.in;

import com.westbethel.motel.application.identity.port.out.RevocationRecords.RevokedEntry;
import com.westbethel.motel.domain.identity.Role;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * What motel-admin does to accounts from a shell on the server, for when the API is down or unsafe to
 * use: list them, create an admin, lock and unlock, recover an admin who lost their authenticator,
 * revoke tokens and sessions. Every change is audited as done by {@code actor}.
 */
public interface AdministerUsersUseCase {

    List<UserSummary> users(int limit);

    Result createAdmin(String email, String password, String firstName, String lastName, String actor);

    /** No login and no working token until unlocked. */
    Result lock(String email, String actor);

    Result unlock(String email, String actor);

    /** Removes two-factor login, ends every session, and tells the user by email. */
    Result resetMfa(String email, String actor);

    /** Every device: the per-user not-before, every session and refresh token. */
    Result revokeAllTokens(String email, String actor);

    /** @param jti the access token's id; kept on the list until no such token can still be valid */
    void revokeToken(String jti, String actor);

    List<RevokedEntry> revoked(int limit);

    /** @throws UnknownUserException when there is no such account */
    List<SessionSummary> sessions(String email);

    /** @return false when there is no such active session */
    boolean endSession(UUID session, String actor);

    record UserSummary(UUID id, String email, String name, Set<Role> roles, boolean emailVerified, boolean locked, boolean mfa,
            Instant createdAt) {
    }

    record SessionSummary(UUID id, String ipAddress, String userAgent, Instant createdAt, Instant lastSeenAt) {
    }

    sealed interface Result {

        record Done(UserSummary user, String what) implements Result {
        }

        record UnknownUser(String email) implements Result {
        }

        record Refused(String reason) implements Result {
        }
    }

    /** No account has that email address. */
    final class UnknownUserException extends RuntimeException {

        public UnknownUserException(String email) {
            super("There is no account for " + email + ".");
        }
    }
}
