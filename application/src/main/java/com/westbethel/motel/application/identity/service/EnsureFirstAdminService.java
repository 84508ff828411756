package com.westbethel.motel.application.identity.service;

import com.westbethel.motel.application.audit.port.out.AuditLog;
import com.westbethel.motel.application.identity.port.in.EnsureFirstAdminUseCase;
import com.westbethel.motel.application.identity.port.out.PasswordHasher;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.support.OpensItsOwnTransaction;
import com.westbethel.motel.application.support.Transactions;
import com.westbethel.motel.domain.identity.PasswordPolicy;
import com.westbethel.motel.domain.identity.PasswordVerdict;
import com.westbethel.motel.domain.identity.Role;
import com.westbethel.motel.domain.identity.User;
import com.westbethel.motel.domain.identity.UserId;
import com.westbethel.motel.domain.shared.EmailAddress;
import java.time.Clock;
import java.util.EnumSet;
import java.util.Map;

/** The first admin, from the operator's configuration, when the system has none. */
public class EnsureFirstAdminService implements EnsureFirstAdminUseCase {

    private final Users users;
    private final PasswordHasher hasher;
    private final PasswordPolicy policy;
    private final IdentityAudit audit;
    private final Clock clock;
    private final Transactions transactions;

    public EnsureFirstAdminService(Users users, PasswordHasher hasher, PasswordPolicy policy, AuditLog auditLog, Clock clock,
            Transactions transactions) {
        this.users = users;
        this.hasher = hasher;
        this.policy = policy;
        this.audit = new IdentityAudit(auditLog, clock);
        this.clock = clock;
        this.transactions = transactions;
    }

    @Override
    @OpensItsOwnTransaction
    public FirstAdminResult ensureFirstAdmin(String email, String password) {
        if (transactions.inTransaction(() -> users.anyWithRole(Role.ADMIN))) {
            return FirstAdminResult.ADMIN_ALREADY_EXISTS;
        }
        EmailAddress address = new EmailAddress(email);
        if (transactions.inTransaction(() -> users.findByEmail(address).isPresent())) {
            return FirstAdminResult.EMAIL_TAKEN_BY_NON_ADMIN;
        }
        if (policy.evaluate(password, address, "Motel", "Admin") instanceof PasswordVerdict.Refused refused) {
            throw new IllegalArgumentException("The first admin's password is refused: " + refused.reason() + " " + refused.advice());
        }
        String passwordHash = hasher.hash(password);
        return transactions.inTransaction(() -> storeFirstAdmin(address, passwordHash));
    }

    private FirstAdminResult storeFirstAdmin(EmailAddress address, String passwordHash) {
        // Checked again: another replica may have created one while this one hashed.
        if (users.anyWithRole(Role.ADMIN)) {
            return FirstAdminResult.ADMIN_ALREADY_EXISTS;
        }
        if (users.findByEmail(address).isPresent()) {
            return FirstAdminResult.EMAIL_TAKEN_BY_NON_ADMIN;
        }
        // The operator chose the address, so it counts as verified.
        User admin = new User(UserId.random(), address, "Motel", "Admin", passwordHash, EnumSet.of(Role.ADMIN),
                true, true, clock.instant(), null);
        if (!users.add(admin)) {
            return FirstAdminResult.EMAIL_TAKEN_BY_NON_ADMIN;
        }
        audit.user("system:configuration", "USER_REGISTERED", admin, Map.of(), IdentityAudit.snapshot(admin));
        return FirstAdminResult.CREATED;
    }
}
