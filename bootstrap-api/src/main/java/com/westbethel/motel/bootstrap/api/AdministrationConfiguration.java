package com.westbethel.motel.bootstrap.api;

import static com.westbethel.motel.adapters.persistence.support.TransactionalUseCases.inTransactions;

import com.westbethel.motel.adapters.persistence.audit.JdbcAuditLog;
import com.westbethel.motel.adapters.persistence.identity.RedisBackedRevocationList;
import com.westbethel.motel.adapters.persistence.notification.EmailQueueStatisticsAdapter;
import com.westbethel.motel.adapters.persistence.notification.JdbcEmailQueueMaintenance;
import com.westbethel.motel.adapters.persistence.support.DatabaseTransactions;
import com.westbethel.motel.adapters.web.audit.AuditWebConfiguration;
import com.westbethel.motel.application.identity.port.in.AdministerUsersUseCase;
import com.westbethel.motel.application.identity.port.in.ManageUserAccountsUseCase;
import com.westbethel.motel.application.identity.port.out.AccessTokens;
import com.westbethel.motel.application.identity.port.out.MfaEnrolments;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens;
import com.westbethel.motel.application.identity.port.out.PasswordHasher;
import com.westbethel.motel.application.identity.port.out.RevocationRecords;
import com.westbethel.motel.application.identity.port.out.Sessions;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.identity.service.AdministerUsersService;
import com.westbethel.motel.application.identity.service.ManageUserAccountsService;
import com.westbethel.motel.application.identity.service.SessionTermination;
import com.westbethel.motel.application.notification.port.in.AdministerEmailQueueUseCase;
import com.westbethel.motel.application.notification.port.in.InspectEmailQueueUseCase;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.application.notification.service.AdministerEmailQueueService;
import com.westbethel.motel.application.notification.service.InspectEmailQueueService;
import com.westbethel.motel.domain.identity.PasswordPolicy;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The admins' screens of the staff console and their API: accounts (motel-admin's own use case behind the console's guard
 * rails), the email queue and the audit log's verification. Their pages are the staff console's (StaffPagesConfiguration).
 */
@Configuration(proxyBeanMethods = false)
@Import(AuditWebConfiguration.class)
class AdministrationConfiguration {

    @Bean
    AdministerUsersUseCase administerUsersService(Users users, Sessions sessions, OneTimeTokens oneTimeTokens, RedisBackedRevocationList revocations,
            RevocationRecords revocationRecords, MfaEnrolments enrolments, PasswordHasher hasher, PasswordPolicy policy,
            NotificationEvents notifications, JdbcAuditLog auditLog, AccessTokens accessTokens, Clock clock, DatabaseTransactions ownTransactions,
            PlatformTransactionManager transactions) {
        return inTransactions(AdministerUsersUseCase.class, new AdministerUsersService(users, sessions, oneTimeTokens, revocations,
                revocationRecords, enrolments, hasher, policy, notifications, auditLog, accessTokens.timeToLive(), clock, ownTransactions),
                transactions);
    }

    /** One transaction around the guard rail and the change: the admins' rows stay held until the change commits. */
    @Bean
    ManageUserAccountsUseCase manageUserAccountsService(Users users, MfaEnrolments enrolments, AdministerUsersUseCase administration,
            SessionTermination termination, JdbcAuditLog auditLog, Clock clock, PlatformTransactionManager transactions) {
        return inTransactions(ManageUserAccountsUseCase.class,
                new ManageUserAccountsService(users, enrolments, administration, termination, auditLog, clock), transactions);
    }

    @Bean
    AdministerEmailQueueUseCase administerEmailQueueService(JdbcEmailQueueMaintenance queue, JdbcAuditLog auditLog, Clock clock,
            PlatformTransactionManager transactions) {
        return inTransactions(AdministerEmailQueueUseCase.class, new AdministerEmailQueueService(queue, auditLog, clock), transactions);
    }

    @Bean
    InspectEmailQueueUseCase inspectEmailQueueService(EmailQueueStatisticsAdapter statistics, Clock clock) {
        return new InspectEmailQueueService(statistics, clock);
    }
}
