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
import java.util.Optional;
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
        return change(user, found -> {
            if (found.id().equals(admin)) {
                return new Change.Refused("You cannot lock your own account.");
            }
            if (found.enabled() && isTheLastAdmin(found)) {
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
        return change(user, found -> {
            if (!found.hasRole(role)) {
                return new Change.Done(summary(found), "did not have the " + name(role) + " role");
            }
            if (role == Role.ADMIN && found.id().equals(admin)) {
                return new Change.Refused("You cannot take away your own admin role.");
            }
            if (role == Role.ADMIN && found.enabled() && isTheLastAdmin(found)) {
                return new Change.Refused(found.email().value() + " is the only unlocked admin; make someone else an admin first.");
            }
            Map<String, String> before = IdentityAudit.snapshot(found);
            found.revoke(role);
            termination.endAll(found, "ROLES_CHANGED_BY_ADMIN");
            audit.user(IdentityAudit.admin(admin), "USER_ROLE_REVOKED", found, before, IdentityAudit.snapshot(found));
            return new Change.Done(summary(found), "no longer has the " + name(role) + " role; every session ended");
        });
    }

    /** Whether the account is an admin and no other unlocked one would remain; holds the admins' rows until the transaction ends. */
    private boolean isTheLastAdmin(User user) {
        return user.hasRole(Role.ADMIN) && users.holdUnlockedWithRole(Role.ADMIN) <= 1;
    }

    private Change change(UserId user, Function<User, Change> change) {
        Optional<User> found = users.findById(user);
        return found.map(change).orElseGet(Change.UnknownUser::new);
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
