package com.westbethel.motel.bootstrap.cli;

import static com.westbethel.motel.adapters.persistence.support.TransactionalUseCases.inTransactions;

import com.westbethel.motel.adapters.messaging.notification.EmailNotificationListener;
import com.westbethel.motel.application.notification.port.in.AdministerEmailQueueUseCase;
import com.westbethel.motel.application.notification.port.in.ManageEmailTemplatesUseCase;
import com.westbethel.motel.application.identity.port.in.AdministerUsersUseCase;
import com.westbethel.motel.adapters.messaging.notification.HmacUnsubscribeLinks;
import com.westbethel.motel.adapters.messaging.notification.ThymeleafEmailRenderer;
import com.westbethel.motel.adapters.persistence.audit.AuditPersistenceConfiguration;
import com.westbethel.motel.adapters.persistence.audit.JdbcAuditLog;
import com.westbethel.motel.adapters.persistence.cache.CacheNamespace;
import com.westbethel.motel.adapters.persistence.cache.CacheSettings;
import com.westbethel.motel.adapters.persistence.cache.SharedCacheAdmin;
import com.westbethel.motel.adapters.persistence.cache.SharedCacheStore;
import com.westbethel.motel.adapters.persistence.identity.IdentityPersistenceConfiguration;
import com.westbethel.motel.adapters.persistence.identity.IdentityProperties;
import com.westbethel.motel.adapters.persistence.identity.RedisBackedRevocationList;
import com.westbethel.motel.adapters.persistence.notification.JdbcEmailOutbox;
import com.westbethel.motel.adapters.persistence.notification.JdbcEmailQueueMaintenance;
import com.westbethel.motel.adapters.persistence.notification.JdbcEmailTemplateOverrides;
import com.westbethel.motel.adapters.persistence.notification.JdbcNotificationPreferences;
import com.westbethel.motel.adapters.persistence.notification.NotificationPersistenceConfiguration;
import com.westbethel.motel.adapters.persistence.operations.FileSystemBackupStore;
import com.westbethel.motel.adapters.persistence.operations.FlywaySchemaMigrations;
import com.westbethel.motel.adapters.persistence.operations.PgDatabaseDumps;
import com.westbethel.motel.adapters.persistence.startup.StartupPreconditionException;
import com.westbethel.motel.adapters.persistence.support.DatabaseTransactions;
import com.westbethel.motel.adapters.persistence.support.SystemClockConfiguration;
import com.westbethel.motel.adapters.persistence.support.TransactionsConfiguration;
import com.westbethel.motel.application.audit.service.QueryAuditLogService;
import com.westbethel.motel.application.identity.port.out.MfaEnrolments;
import com.westbethel.motel.application.identity.port.out.OneTimeTokens;
import com.westbethel.motel.application.identity.port.out.PasswordHasher;
import com.westbethel.motel.application.identity.port.out.RevocationRecords;
import com.westbethel.motel.application.identity.port.out.Sessions;
import com.westbethel.motel.application.identity.port.out.Users;
import com.westbethel.motel.application.identity.service.AdministerUsersService;
import com.westbethel.motel.application.notification.port.out.NotificationEvents;
import com.westbethel.motel.application.notification.service.AdministerEmailQueueService;
import com.westbethel.motel.application.notification.service.InspectEmailQueueService;
import com.westbethel.motel.application.notification.service.ManageEmailTemplatesService;
import com.westbethel.motel.application.notification.service.NotificationSettings;
import com.westbethel.motel.application.notification.service.QueueNotificationEmailsService;
import com.westbethel.motel.application.operations.port.out.SchemaMigrations;
import com.westbethel.motel.application.operations.service.InspectDatabaseSchemaService;
import com.westbethel.motel.application.operations.service.ManageBackupsService;
import com.westbethel.motel.application.operations.service.MigrateDatabaseService;
import com.westbethel.motel.domain.identity.PasswordPolicy;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.context.PropertyPlaceholderAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisAutoConfiguration;
import org.springframework.boot.data.redis.autoconfigure.DataRedisProperties;
import org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.DataSourceTransactionManagerAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcClientAutoConfiguration;
import org.springframework.boot.jdbc.autoconfigure.JdbcTemplateAutoConfiguration;
import org.springframework.boot.transaction.autoconfigure.TransactionAutoConfiguration;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Lazy;
import org.springframework.core.env.Environment;
import org.springframework.data.redis.core.RedisCallback;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The adapters motel-admin's commands use, wired to their use cases with the same properties as the
 * API (the access-token lifetime, bcrypt strength, password policy, links in emails), so that what the
 * tool does matches what the API would do.
 */
@Configuration(proxyBeanMethods = false)
// Only what the commands use, rather than every auto-configuration on the classpath: a shorter start for a tool run once per command.
@ImportAutoConfiguration({PropertyPlaceholderAutoConfiguration.class, DataSourceAutoConfiguration.class, JdbcTemplateAutoConfiguration.class,
    JdbcClientAutoConfiguration.class, DataSourceTransactionManagerAutoConfiguration.class, TransactionAutoConfiguration.class,
    DataRedisAutoConfiguration.class})
// The API's adapters with the API's properties (motel.security.*, motel.audit.hmac-key), bound the same way, not copied.
@Import({SystemClockConfiguration.class, TransactionsConfiguration.class, AuditPersistenceConfiguration.class,
    IdentityPersistenceConfiguration.class, NotificationPersistenceConfiguration.class,
    // Use cases that need nothing but those adapters and run outside transactions, built by their one constructor.
    // Nothing migrates when motel-admin starts: only "db migrate" changes the schema.
    InspectDatabaseSchemaService.class, MigrateDatabaseService.class, QueryAuditLogService.class, InspectEmailQueueService.class})
class CliConfiguration {

    /** Flyway as the API configures it. */
    @Bean
    SchemaMigrations schemaMigrations(DataSource dataSource) {
        return new FlywaySchemaMigrations(Flyway.configure().dataSource(dataSource).load());
    }

    /** Lazy: only backup commands need a PostgreSQL URL that pg_dump understands. */
    @Bean
    @Lazy
    ManageBackupsService backups(@Value("${spring.datasource.url}") String url, @Value("${spring.datasource.username:}") String user,
            @Value("${spring.datasource.password:}") String password, InspectDatabaseSchemaService schema, Clock clock) {
        return new ManageBackupsService(new PgDatabaseDumps(url, user, password), new FileSystemBackupStore(), schema, clock);
    }

    @Bean
    NotificationEvents notificationEvents(ApplicationEventPublisher publisher) {
        return publisher::publishEvent;
    }

    /**
     * The same listener as the API's, so that what motel-admin does (an MFA reset) emails the user through the outbox.
     * Only essential mail is sent from here, which carries no unsubscribe link: a random key is fine when none is set.
     */
    @Bean
    EmailNotificationListener emailNotificationListener(JdbcClient jdbc, JdbcNotificationPreferences preferences, @Value("${motel.mail.message-id-domain:westbethelmotel.local}") String domain,
            @Value("${motel.public-url:http://localhost:8080}") String siteUrl, @Value("${motel.notifications.unsubscribe-key:}") String key) {
        byte[] unsubscribeKey = new byte[32];
        if (key.isBlank()) {
            new SecureRandom().nextBytes(unsubscribeKey);
        } else {
            unsubscribeKey = Base64.getDecoder().decode(key);
        }
        return new EmailNotificationListener(new QueueNotificationEmailsService(new JdbcEmailOutbox(jdbc, domain),
                preferences, new HmacUnsubscribeLinks(unsubscribeKey),
                new QueueNotificationEmailsService.Settings(siteUrl, siteUrl + "/api/v1/notifications/unsubscribe", List.of())));
    }

    /**
     * Lazy, so that only the commands that revoke need Redis; for them an unreachable Redis stops the command,
     * because a revocation PostgreSQL holds and Redis lacks could go unseen by an API that still reaches Redis.
     */
    @Bean
    @Lazy
    RedisBackedRevocationList revocationList(JdbcClient jdbc, StringRedisTemplate redis, DataRedisProperties redisAddress,
            IdentityProperties properties, Clock clock) {
        try {
            redis.execute((RedisCallback<String>) connection -> connection.ping());
        } catch (RuntimeException unreachable) {
            throw new StartupPreconditionException("Redis at %s:%d is unreachable".formatted(redisAddress.getHost(), redisAddress.getPort()),
                    "start it (scripts/services.sh) and try again: the API would not see a revocation made without it", unreachable);
        }
        return new RedisBackedRevocationList(jdbc, redis, properties.jwt().accessTokenTtl(), clock);
    }

    /**
     * Lazy, so that only the cache commands need Redis (and the database, which names the cache); for them an unreachable
     * Redis stops the command, which can do nothing without it.
     */
    @Bean
    @Lazy
    SharedCacheAdmin cacheAdmin(StringRedisTemplate redis, DataRedisProperties redisAddress, Environment environment, JdbcClient jdbc) {
        // The cache of the database this tool is configured for, as the API and the worker name it.
        String prefix = CacheNamespace.of(CacheSettings.from(environment).keyPrefix(), environment.getProperty("motel.cache.namespace", ""), jdbc);
        SharedCacheAdmin admin = new SharedCacheAdmin(new SharedCacheStore(redis, prefix), MotelAdmin.ACTOR);
        if (!admin.reachable()) {
            throw new StartupPreconditionException("Redis at %s:%d is unreachable".formatted(redisAddress.getHost(), redisAddress.getPort()),
                    "start it (scripts/services.sh) and try again: the cache lives there", null);
        }
        return admin;
    }

    @Bean
    @Lazy
    AdministerUsersUseCase userAdministration(Users users, Sessions sessions, OneTimeTokens oneTimeTokens, RedisBackedRevocationList revocations,
            RevocationRecords revocationRecords, MfaEnrolments enrolments, PasswordHasher hasher, PasswordPolicy policy,
            NotificationEvents notifications, JdbcAuditLog auditLog, IdentityProperties properties, Clock clock,
            DatabaseTransactions ownTransactions, PlatformTransactionManager transactions) {
        return inTransactions(AdministerUsersUseCase.class,
                new AdministerUsersService(users, sessions, oneTimeTokens, revocations, revocationRecords, enrolments, hasher, policy,
                notifications, auditLog, properties.jwt().accessTokenTtl(), clock, ownTransactions), transactions);
    }

    /** In a transaction: a retry is audited, and the audit chain's lock is a transaction lock. */
    @Bean
    AdministerEmailQueueUseCase emailQueueAdministration(JdbcEmailQueueMaintenance queue, JdbcAuditLog auditLog, Clock clock,
            PlatformTransactionManager transactions) {
        return inTransactions(AdministerEmailQueueUseCase.class, new AdministerEmailQueueService(queue, auditLog, clock), transactions);
    }

    @Bean
    ManageEmailTemplatesUseCase emailTemplateAdministration(JdbcEmailTemplateOverrides overrides, JdbcAuditLog auditLog,
            @Value("${motel.notifications.locales:en}") List<String> locales, Clock clock, PlatformTransactionManager transactions) {
        // In a transaction like every other use case: the audit chain's lock is a transaction lock, so an edit chained
        // outside one could fork the chain against the API's concurrent entries.
        return inTransactions(ManageEmailTemplatesUseCase.class,
                new ManageEmailTemplatesService(overrides, new ThymeleafEmailRenderer(overrides, Duration.ZERO, clock),
                new NotificationSettings(locales.stream().map(Locale::forLanguageTag).toList()), auditLog, clock), transactions);
    }
}
