package com.westbethel.motel.domain.identity;

import com.westbethel.motel.domain.shared.EmailAddress;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A person with an account: a guest, a member of staff or an admin. The password is only ever
 * held in its hashed form.
 */
public final class User {

    private final UserId id;
    private final EmailAddress email;
    private final String firstName;
    private final String lastName;
    private final Set<Role> roles;
    private final Instant createdAt;
    private String passwordHash;
    private boolean emailVerified;
    private boolean enabled;
    private Instant tokensValidAfter;

    public User(UserId id, EmailAddress email, String firstName, String lastName, String passwordHash, Set<Role> roles,
            boolean emailVerified, boolean enabled, Instant createdAt, Instant tokensValidAfter) {
        this.id = Objects.requireNonNull(id, "id");
        this.email = Objects.requireNonNull(email, "email");
        this.firstName = Objects.requireNonNull(firstName, "firstName");
        this.lastName = Objects.requireNonNull(lastName, "lastName");
        this.passwordHash = Objects.requireNonNull(passwordHash, "passwordHash");
        if (roles.isEmpty()) {
            throw new IllegalArgumentException("a user has at least one role");
        }
        this.roles = EnumSet.copyOf(roles);
        this.emailVerified = emailVerified;
        this.enabled = enabled;
        this.createdAt = Objects.requireNonNull(createdAt, "createdAt");
        this.tokensValidAfter = tokensValidAfter;
    }

    /** A new guest account, not yet verified. */
    public static User registerGuest(EmailAddress email, String firstName, String lastName, String passwordHash, Instant now) {
        return new User(UserId.random(), email, firstName.strip(), lastName.strip(), passwordHash, EnumSet.of(Role.GUEST),
                false, true, now, null);
    }

    public void verifyEmail() {
        emailVerified = true;
    }

    /** A new password. Which sessions survive is the caller's decision (a reset ends them all). */
    public void changePassword(String newPasswordHash) {
        passwordHash = Objects.requireNonNull(newPasswordHash, "newPasswordHash");
    }

    /** Logout everywhere: access tokens issued before {@code instant} are refused from now on. */
    public void revokeTokensIssuedBefore(Instant instant) {
        if (tokensValidAfter == null || instant.isAfter(tokensValidAfter)) {
            tokensValidAfter = instant;
        }
    }

    /** Locked by an admin: no login, and (with its sessions ended by the caller) no token works. */
    public void disable() {
        enabled = false;
    }

    public void enable() {
        enabled = true;
    }

    /** A role more, taking effect with the next token: the caller ends the sessions whose tokens carry the old roles. */
    public void grant(Role role) {
        roles.add(Objects.requireNonNull(role, "role"));
    }

    /** A role taken away; an account keeps at least one, so one left with none is a guest's. */
    public void revoke(Role role) {
        roles.remove(role);
        if (roles.isEmpty()) {
            roles.add(Role.GUEST);
        }
    }

    public boolean hasRole(Role role) {
        return roles.contains(role);
    }

    public UserId id() {
        return id;
    }

    public EmailAddress email() {
        return email;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public String passwordHash() {
        return passwordHash;
    }

    public Set<Role> roles() {
        return Collections.unmodifiableSet(EnumSet.copyOf(roles));
    }

    public boolean emailVerified() {
        return emailVerified;
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant createdAt() {
        return createdAt;
    }

    public Optional<Instant> tokensValidAfter() {
        return Optional.ofNullable(tokensValidAfter);
    }
}
