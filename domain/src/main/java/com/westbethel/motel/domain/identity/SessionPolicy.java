package com.westbethel.motel.domain.identity;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * How long a login lasts: an absolute lifetime from the login, and an idle timeout since the session was
 * last used (its last refresh), each shorter for staff and admins than for guests (ASVS 3.3.2; NIST 800-63B
 * AAL2 asks 12 hours and 30 minutes idle of accounts with privileges).
 *
 * @param guests the limits of a guest's session
 * @param staff the limits of a session of anyone holding {@link Role#STAFF} or {@link Role#ADMIN}
 */
public record SessionPolicy(Limits guests, Limits staff) {

    public SessionPolicy {
        Objects.requireNonNull(guests, "guests");
        Objects.requireNonNull(staff, "staff");
    }

    /** Guests: 30 days, or 7 days unused. Staff and admins: 12 hours, or 30 minutes unused. */
    public static SessionPolicy defaults() {
        return new SessionPolicy(new Limits(Duration.ofDays(30), Duration.ofDays(7)), new Limits(Duration.ofHours(12), Duration.ofMinutes(30)));
    }

    public Limits limitsFor(Set<Role> roles) {
        return roles.contains(Role.STAFF) || roles.contains(Role.ADMIN) ? staff : guests;
    }

    /** Why a session started at {@code startedAt} and last used at {@code lastUsedAt} has ended by {@code now}, if it has. */
    public Optional<Ending> ending(Set<Role> roles, Instant startedAt, Instant lastUsedAt, Instant now) {
        Limits limits = limitsFor(roles);
        if (!now.isBefore(startedAt.plus(limits.lifetime()))) {
            return Optional.of(Ending.LIFETIME_REACHED);
        }
        if (!now.isBefore(lastUsedAt.plus(limits.idleTimeout()))) {
            return Optional.of(Ending.IDLE_TIMEOUT);
        }
        return Optional.empty();
    }

    /** The instant a session started at {@code startedAt} reaches its absolute lifetime. */
    public Instant endOfLife(Set<Role> roles, Instant startedAt) {
        return startedAt.plus(limitsFor(roles).lifetime());
    }

    public enum Ending { LIFETIME_REACHED, IDLE_TIMEOUT }

    /**
     * @param lifetime the longest a session lasts from its login, however busy
     * @param idleTimeout the longest a session lasts unused
     */
    public record Limits(Duration lifetime, Duration idleTimeout) {

        public Limits {
            if (lifetime == null || idleTimeout == null || lifetime.isNegative() || lifetime.isZero() || idleTimeout.isNegative()
                    || idleTimeout.isZero()) {
                throw new IllegalArgumentException("a session's lifetime and idle timeout must be positive");
            }
        }
    }
}
