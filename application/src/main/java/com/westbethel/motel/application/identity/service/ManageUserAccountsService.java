package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.identity.port.in.AdministerUsersUseCase;
import com.westbethel.motel.application.identity.port.in.AdministerUsersUseCase.Result;
import com.westbethel.motel.application.identity.port.in.ManageUserAccountsUseCase;
import com.westbethel.motel.application.identity.port.out.MfaEnrolments;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import java.time.Clock;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * See {@link ManageUserAccountsUseCase}. Locking and unlocking are motel-admin's own ({@link AdministerUsersUseCase}),
 * behind the console's guard rails; a change of roles ends every session, since each access token carries the roles it
 * was issued with.
 */
public class ManageUserAccountsService implements ManageUserAccountsUseCase {

    private static final int MAX_SEARCH_LENGTH = 320;

    private final Users users;
    private final MfaEnrolments enrolments;
    private final AdministerUsersUseCase administration;
    private final SessionTermination termination;
    private final IdentityAudit audit;

    public ManageUserAccountsService(Users users, MfaEnrolments enrolments, AdministerUsersUseCase administration,
            SessionTermination termination, AuditLog auditLog, Clock clock) {
        this.users = users;
        this.enrolments = enrolments;
        this.administration = administration;
        this.termination = termination;
        this.audit = new IdentityAudit(auditLog, clock);
    }

    @Override
    public UserPage users(String emailPart, int page, int size) {
        if (page < 0 || size < 1 || size > MAX_PAGE_SIZE || emailPart.length() > MAX_SEARCH_LENGTH) {
            throw new IllegalArgumentException("page is 0 or more, size 1 to " + MAX_PAGE_SIZE + ", and the email searched for at most "
                    + MAX_SEARCH_LENGTH + " characters.");
        }
        return new UserPage(users.search(emailPart, page * size, size).stream().map(user -> AdministerUsersService.summary(user, enrolments))
                .toList(), page, size, users.countMatching(emailPart));
    }

    @Override
    public Change lock(UserId admin, UserId user) {
        return changeMindingTheLastAdmin(user, (found, theLastAdmin) -> {
            if (found.id().equals(admin)) {
                return new Change.Refused("You cannot lock your own account.");
            }
            if (theLastAdmin) {
                return new Change.Refused(found.email().value() + " is the only unlocked admin; make someone else an admin first.");
            }
            return done(administration.lock(found.email().value(), IdentityAudit.admin(admin)));
        });
    }

    @Override
    public Change unlock(UserId admin, UserId user) {
        return change(user, found -> done(administration.unlock(found.email().value(), IdentityAudit.admin(admin))));
    }

    @Override
    public Change grant(UserId admin, UserId user, Role role) {
        requireStaffOrAdmin(role);
        return change(user, found -> {
            if (found.hasRole(role)) {
                return new Change.Done(summary(found), "already had the " + name(role) + " role");
            }
            Map<String, String> before = IdentityAudit.snapshot(found);
            found.grant(role);
            termination.endAll(found, "ROLES_CHANGED_BY_ADMIN");
            audit.user(IdentityAudit.admin(admin), "USER_ROLE_GRANTED", found, before, IdentityAudit.snapshot(found));
            return new Change.Done(summary(found), "given the " + name(role) + " role; every session ended, so the next login carries it");
        });
    }

    @Override
    public Change revoke(UserId admin, UserId user, Role role) {
        requireStaffOrAdmin(role);
        BiFunction<User, Boolean, Change> revoke = (found, theLastAdmin) -> {
            if (!found.hasRole(role)) {
                return new Change.Done(summary(found), "did not have the " + name(role) + " role");
            }
            if (role == Role.ADMIN && found.id().equals(admin)) {
                return new Change.Refused("You cannot take away your own admin role.");
            }
            if (role == Role.ADMIN && theLastAdmin) {
                return new Change.Refused(found.email().value() + " is the only unlocked admin; make someone else an admin first.");
            }
            Map<String, String> before = IdentityAudit.snapshot(found);
            found.revoke(role);
            termination.endAll(found, "ROLES_CHANGED_BY_ADMIN");
            audit.user(IdentityAudit.admin(admin), "USER_ROLE_REVOKED", found, before, IdentityAudit.snapshot(found));
            return new Change.Done(summary(found), "no longer has the " + name(role) + " role; every session ended");
        };
        return role == Role.ADMIN ? changeMindingTheLastAdmin(user, revoke) : change(user, found -> revoke.apply(found, false));
    }

    /** The account held until the transaction ends: two changes of it queue rather than one overwriting the other. */
    private Change change(UserId user, Function<User, Change> change) {
        return users.findByIdForChange(user).map(change).orElseGet(Change.UnknownUser::new);
    }

    /**
     * For a change that could leave the motel without an unlocked admin: the admins are held first and the account after
     * them, always in that order, so that two admins changing each other at once queue rather than deadlock. The change is
     * told whether the account is the last unlocked admin.
     */
    private Change changeMindingTheLastAdmin(UserId user, BiFunction<User, Boolean, Change> change) {
        long unlockedAdmins = users.holdUnlockedWithRole(Role.ADMIN);
        return change(user, found -> change.apply(found, found.enabled() && found.hasRole(Role.ADMIN) && unlockedAdmins <= 1));
    }

    private static Change done(Result result) {
        if (result instanceof Result.Done done) {
            return new Change.Done(done.user(), done.what());
        }
        if (result instanceof Result.Refused refused) {
            return new Change.Refused(refused.reason());
        }
        return new Change.UnknownUser();
    }

    private static void requireStaffOrAdmin(Role role) {
        if (role != Role.STAFF && role != Role.ADMIN) {
            throw new IllegalArgumentException("Only the staff and admin roles are given and taken here.");
        }
    }

    private static String name(Role role) {
        return role == Role.ADMIN ? "admin" : "staff";
    }

    private AdministerUsersUseCase.UserSummary summary(User user) {
        return AdministerUsersService.summary(user, enrolments);
    }
}
